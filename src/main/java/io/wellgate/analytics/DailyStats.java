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

}
