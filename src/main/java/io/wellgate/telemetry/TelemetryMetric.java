package io.wellgate.telemetry;

import java.util.Arrays;
import java.util.List;

/**
 * The ten ESP metrics of the contract: name, column, unit and accepted range, defined once and
 * used by ingestion, the aggregates and the API.
 */
public enum TelemetryMetric {

	FLOW_RATE("flowRate", "flow_rate", "bbl/d", 0, 50000),
	INTAKE_PRESSURE("intakePressure", "intake_pressure", "psi", 0, 10000),
	DISCHARGE_PRESSURE("dischargePressure", "discharge_pressure", "psi", 0, 15000),
	MOTOR_CURRENT("motorCurrent", "motor_current", "A", 0, 500),
	MOTOR_VOLTAGE("motorVoltage", "motor_voltage", "V", 0, 10000),
	MOTOR_TEMPERATURE("motorTemperature", "motor_temperature", "°F", -40, 500),
	INTAKE_TEMPERATURE("intakeTemperature", "intake_temperature", "°F", -40, 500),
	VIBRATION("vibration", "vibration", "g", 0, 50),
	FREQUENCY("frequency", "frequency", "Hz", 0, 120),
	POWER_KW("powerKw", "power_kw", "kW", 0, 5000);

	private final String field;

	private final String column;

	private final String unit;

	private final double min;

	private final double max;

	TelemetryMetric(String field, String column, String unit, double min, double max) {
		this.field = field;
		this.column = column;
		this.unit = unit;
		this.min = min;
		this.max = max;
	}

	public String field() {
		return this.field;
	}

	public String column() {
		return this.column;
	}

	public String unit() {
		return this.unit;
	}

	public double min() {
		return this.min;
	}

	public double max() {
		return this.max;
	}

	public static List<TelemetryMetric> all() {
		return Arrays.asList(values());
	}

}
