package io.wellgate.demo;

import java.util.SplittableRandom;

/**
 * One well's operating point: the values its sensors hover around while nothing is wrong, drawn
 * once per well from the seed. The ranges sit a little inside the typical ESP ranges so that the
 * daily cycle and noise of a healthy well never cross a breach rule.
 */
record WellProfile(double flowRate, double intakePressure, double dischargePressure, double motorCurrent,
		double motorVoltage, double motorTemperature, double intakeTemperature, double vibration, double frequency,
		double powerKw, double dailyPhase) {

	/** kW of hydraulic power per bbl/d lifted across one psi; the contract's efficiency constant. */
	static final double HYDRAULIC_KW = 1.2687e-5;

	static WellProfile draw(SplittableRandom random) {
		double flowRate = random.nextDouble(850, 2900);
		double intakePressure = random.nextDouble(350, 1450);
		double dischargePressure = random.nextDouble(2100, 4400);
		double motorCurrent = random.nextDouble(32, 66);
		double motorVoltage = random.nextDouble(2100, 3900);
		double motorTemperature = random.nextDouble(185, 222);
		double intakeTemperature = random.nextDouble(155, 195);
		double vibration = random.nextDouble(0.12, 0.28);
		double frequency = random.nextDouble(50.5, 59.5);
		// The motor's input is set from the hydraulic power it delivers so that a healthy well
		// scores 45-65 % efficiency: inside the 40-70 % of real ESPs even with noise.
		double efficiency = random.nextDouble(0.45, 0.65);
		double powerKw = flowRate * (dischargePressure - intakePressure) * HYDRAULIC_KW / efficiency;
		double dailyPhase = random.nextDouble(0, 2 * Math.PI);
		return new WellProfile(flowRate, intakePressure, dischargePressure, motorCurrent, motorVoltage,
				motorTemperature, intakeTemperature, vibration, frequency, powerKw, dailyPhase);
	}

}
