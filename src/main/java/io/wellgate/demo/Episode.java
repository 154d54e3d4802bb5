package io.wellgate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import io.wellgate.diagnostic.DiagnosisType;
import io.wellgate.diagnostic.Severity;

/**
 * A fault one well goes through for a few hours, and what it does to the sensors. Each type is
 * drawn so that the contract's breach rule for it fires while the fault is at its worst: gas
 * lock drags intake pressure under 100 psi, overheat takes the motor past 250 °F, pump wear
 * raises vibration past 0.5 g, sand ingestion spikes vibration and motor current past 80 A.
 *
 * @param well the index of the well
 * @param peak how bad it gets, 0.75..1
 */
record Episode(int well, DiagnosisType type, Instant start, Instant end, double peak) {

	static final List<DiagnosisType> TYPES = List.of(DiagnosisType.GAS_LOCK, DiagnosisType.MOTOR_OVERHEAT,
			DiagnosisType.PUMP_WEAR, DiagnosisType.SAND_INGESTION);

	boolean covers(Instant time) {
		return !time.isBefore(this.start) && time.isBefore(this.end);
	}

	/**
	 * How strongly the fault shows at {@code time}, 0..1. Wear builds up for the whole episode;
	 * the others set in over the first 15 %, hold, and ease off over the last 10 % as the well
	 * is attended to.
	 */
	double intensity(Instant time) {
		double progress = (double) Duration.between(this.start, time).toMillis()
				/ Duration.between(this.start, this.end).toMillis();
		double intensity = (this.type == DiagnosisType.PUMP_WEAR) ? progress
				: Math.min(progress / 0.15, (1 - progress) / 0.1);
		return Math.max(0, Math.min(1, intensity));
	}

	/** How bad the fault is at {@code time}, 0..1: its intensity scaled by its peak. */
	double level(Instant time) {
		return intensity(time) * this.peak;
	}

	Severity severity(Instant time) {
		double level = level(time);
		if (level >= 0.9) {
			return Severity.CRITICAL;
		}
		if (level >= 0.6) {
			return Severity.HIGH;
		}
		return (level >= 0.3) ? Severity.MEDIUM : Severity.LOW;
	}

	void disturb(Reading reading, Instant time, SplittableRandom noise) {
		double intensity = intensity(time);
		switch (this.type) {
			case GAS_LOCK -> {
				// Gas at the intake: the pump slugs between fluid and gas, so flow and current fall
				// and swing from one reading to the next, and intake pressure sags.
				double swing = noise.nextDouble();
				reading.flowRate *= 1 - intensity * (0.45 + 0.45 * swing);
				reading.motorCurrent *= 1 - intensity * (0.25 + 0.2 * swing);
				reading.intakePressure = lerp(reading.intakePressure, 30 + 60 * swing, intensity);
				// Less fluid flows past the motor to cool it.
				reading.motorTemperature += 20 * intensity;
			}
			case MOTOR_OVERHEAT -> {
				reading.motorTemperature = lerp(reading.motorTemperature, 245 + 40 * this.peak, intensity);
				reading.motorCurrent *= 1 + 0.12 * intensity;
				reading.flowRate *= 1 - 0.08 * intensity;
			}
			case PUMP_WEAR -> {
				// Worn stages and bearings: vibration creeps up while the pump lifts less.
				reading.vibration = lerp(reading.vibration, 0.45 + 0.4 * this.peak, intensity);
				reading.flowRate *= 1 - 0.3 * intensity;
				reading.dischargePressure *= 1 - 0.12 * intensity;
				reading.motorCurrent *= 1 + 0.06 * intensity;
			}
			case SAND_INGESTION -> {
				// Sand slugs hit the impellers: short spikes over an eroding baseline.
				reading.vibration += 0.15 * intensity;
				if (noise.nextDouble() < 0.3 * intensity) {
					reading.vibration = 0.6 + 0.9 * noise.nextDouble();
				}
				if (noise.nextDouble() < 0.2 * intensity) {
					reading.motorCurrent = 82 + 30 * noise.nextDouble();
				}
				reading.flowRate *= 1 - 0.1 * intensity;
			}
			default -> throw new IllegalStateException("No demo behaviour for " + this.type);
		}
	}

	private static double lerp(double from, double to, double fraction) {
		return from + (to - from) * fraction;
	}

}
