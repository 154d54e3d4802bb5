package io.wellgate.demo;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.wellgate.telemetry.TelemetryMetric;

/**
 * The ten sensor values of one sample while the generator works them out: first a healthy
 * well's, then bent by a fault episode, then rounded to sensor resolution and clamped to the
 * contract's ranges. Scratch state of one call, never shared.
 */
final class Reading {

	double flowRate;

	double intakePressure;

	double dischargePressure;

	double motorCurrent;

	double motorVoltage;

	double motorTemperature;

	double intakeTemperature;

	double vibration;

	double frequency;

	double powerKw;

	/**
	 * A healthy well at one point of its daily cycle ({@code cycle} in -1..1): production and
	 * motor load swell and ebb with the day, temperatures follow the surface, sensors are noisy.
	 */
	static Reading healthy(WellProfile base, double cycle, SplittableRandom noise) {
		Reading reading = new Reading();
		reading.flowRate = base.flowRate() * (1 + 0.04 * cycle) * (1 + 0.015 * noise.nextGaussian());
		reading.intakePressure = base.intakePressure() * (1 - 0.02 * cycle) + 6 * noise.nextGaussian();
		reading.dischargePressure = base.dischargePressure() * (1 + 0.01 * cycle) + 12 * noise.nextGaussian();
		reading.motorCurrent = base.motorCurrent() * (1 + 0.03 * cycle) * (1 + 0.01 * noise.nextGaussian());
		reading.motorVoltage = base.motorVoltage() * (1 + 0.004 * noise.nextGaussian());
		reading.motorTemperature = base.motorTemperature() + 4 * cycle + 0.8 * noise.nextGaussian();
		reading.intakeTemperature = base.intakeTemperature() + 3 * cycle + 0.5 * noise.nextGaussian();
		reading.vibration = base.vibration() * (1 + 0.08 * noise.nextGaussian());
		reading.frequency = base.frequency() + 0.04 * noise.nextGaussian();
		return reading;
	}

	/** The values as sensors report them; never outside the contract's ranges, or a write would be refused. */
	Map<TelemetryMetric, Double> metrics() {
		Map<TelemetryMetric, Double> metrics = new EnumMap<>(TelemetryMetric.class);
		metrics.put(TelemetryMetric.FLOW_RATE, fit(TelemetryMetric.FLOW_RATE, this.flowRate, 1));
		metrics.put(TelemetryMetric.INTAKE_PRESSURE, fit(TelemetryMetric.INTAKE_PRESSURE, this.intakePressure, 1));
		metrics.put(TelemetryMetric.DISCHARGE_PRESSURE,
				fit(TelemetryMetric.DISCHARGE_PRESSURE, this.dischargePressure, 1));
		metrics.put(TelemetryMetric.MOTOR_CURRENT, fit(TelemetryMetric.MOTOR_CURRENT, this.motorCurrent, 2));
		metrics.put(TelemetryMetric.MOTOR_VOLTAGE, fit(TelemetryMetric.MOTOR_VOLTAGE, this.motorVoltage, 1));
		metrics.put(TelemetryMetric.MOTOR_TEMPERATURE,
				fit(TelemetryMetric.MOTOR_TEMPERATURE, this.motorTemperature, 1));
		metrics.put(TelemetryMetric.INTAKE_TEMPERATURE,
				fit(TelemetryMetric.INTAKE_TEMPERATURE, this.intakeTemperature, 1));
		metrics.put(TelemetryMetric.VIBRATION, fit(TelemetryMetric.VIBRATION, this.vibration, 3));
		metrics.put(TelemetryMetric.FREQUENCY, fit(TelemetryMetric.FREQUENCY, this.frequency, 2));
		metrics.put(TelemetryMetric.POWER_KW, fit(TelemetryMetric.POWER_KW, this.powerKw, 2));
		return metrics;
	}

	private static double fit(TelemetryMetric metric, double value, int decimals) {
		double scale = Math.pow(10, decimals);
		double rounded = Math.round(value * scale) / scale;
		return Math.max(metric.min(), Math.min(metric.max(), rounded));
	}

}
