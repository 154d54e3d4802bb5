package io.wellgate.analytics;

import java.time.LocalDate;
import java.util.Map;

import io.wellgate.telemetry.TelemetryMetric;

/**
 * One well's telemetry over one UTC day.
 */
public record DailyStats(String wellId, LocalDate day, int samples, Distribution flowRate,
		Distribution intakePressure, Distribution dischargePressure, Distribution motorCurrent,
		Distribution motorVoltage, Distribution motorTemperature, Distribution intakeTemperature,
		Distribution vibration, Distribution frequency, Distribution powerKw) {

	static DailyStats of(String wellId, LocalDate day, int samples, Map<TelemetryMetric, Distribution> d) {
		return new DailyStats(wellId, day, samples, d.get(TelemetryMetric.FLOW_RATE),
				d.get(TelemetryMetric.INTAKE_PRESSURE), d.get(TelemetryMetric.DISCHARGE_PRESSURE),
				d.get(TelemetryMetric.MOTOR_CURRENT), d.get(TelemetryMetric.MOTOR_VOLTAGE),
				d.get(TelemetryMetric.MOTOR_TEMPERATURE), d.get(TelemetryMetric.INTAKE_TEMPERATURE),
				d.get(TelemetryMetric.VIBRATION), d.get(TelemetryMetric.FREQUENCY), d.get(TelemetryMetric.POWER_KW));
	}

	public Distribution distribution(TelemetryMetric metric) {
		return switch (metric) {
			case FLOW_RATE -> this.flowRate;
			case INTAKE_PRESSURE -> this.intakePressure;
			case DISCHARGE_PRESSURE -> this.dischargePressure;
			case MOTOR_CURRENT -> this.motorCurrent;
			case MOTOR_VOLTAGE -> this.motorVoltage;
			case MOTOR_TEMPERATURE -> this.motorTemperature;
			case INTAKE_TEMPERATURE -> this.intakeTemperature;
			case VIBRATION -> this.vibration;
			case FREQUENCY -> this.frequency;
			case POWER_KW -> this.powerKw;
		};
	}

}
