package io.wellgate.telemetry;

import java.time.OffsetDateTime;

/**
 * The GraphQL {@code TelemetrySampleInput}.
 */
record TelemetrySampleInput(String wellId, OffsetDateTime time, Double flowRate, Double intakePressure,
		Double dischargePressure, Double motorCurrent, Double motorVoltage, Double motorTemperature,
		Double intakeTemperature, Double vibration, Double frequency, Double powerKw) {
}
