package io.wellgate.well;

import java.time.OffsetDateTime;

/**
 * One raw sample as stored, every metric (null = not measured): a well's current reading.
 */
public record TelemetrySample(OffsetDateTime time, Double flowRate, Double intakePressure, Double dischargePressure,
		Double motorCurrent, Double motorVoltage, Double motorTemperature, Double intakeTemperature, Double vibration,
		Double frequency, Double powerKw) {
}
