package io.wellgate.analytics;

import java.time.OffsetDateTime;
import java.util.Map;

import io.wellgate.telemetry.TelemetryMetric;

/**
 * One well's telemetry over one hour.
 */
public record HourlyBucket(String wellId, OffsetDateTime bucket, int samples, Range flowRate, Range intakePressure,
		Range dischargePressure, Range motorCurrent, Range motorVoltage, Range motorTemperature,
		Range intakeTemperature, Range vibration, Range frequency, Range powerKw) {

	static HourlyBucket of(String wellId, OffsetDateTime bucket, int samples, Map<TelemetryMetric, Range> ranges) {
		return new HourlyBucket(wellId, bucket, samples, ranges.get(TelemetryMetric.FLOW_RATE),
				ranges.get(TelemetryMetric.INTAKE_PRESSURE), ranges.get(TelemetryMetric.DISCHARGE_PRESSURE),
				ranges.get(TelemetryMetric.MOTOR_CURRENT), ranges.get(TelemetryMetric.MOTOR_VOLTAGE),
				ranges.get(TelemetryMetric.MOTOR_TEMPERATURE), ranges.get(TelemetryMetric.INTAKE_TEMPERATURE),
				ranges.get(TelemetryMetric.VIBRATION), ranges.get(TelemetryMetric.FREQUENCY),
				ranges.get(TelemetryMetric.POWER_KW));
	}

	public Range range(TelemetryMetric metric) {
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
