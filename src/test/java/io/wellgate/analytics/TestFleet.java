package io.wellgate.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small, known fleet written through the bulk endpoints: one sample every 7 minutes over the
 * last {@code span} per well, and a dozen diagnostic findings each. Each well gets its own pump
 * efficiency and breach rate, so rankings have a known order: the first well is the most
 * efficient and the least healthy, the last the least efficient and the healthiest. Some
 * powerKw are null or 0, and the last well never measures intakeTemperature.
 */
final class TestFleet {

	static final String[] TYPES = { "NORMAL", "GAS_LOCK", "PUMP_WEAR", "SAND_INGESTION", "MOTOR_OVERHEAT",
			"ELECTRICAL_FAULT", "BROKEN_SHAFT", "SCALE_BUILDUP", "UNDERLOAD", "OTHER" };

	static final String[] SEVERITIES = { "LOW", "MEDIUM", "HIGH", "CRITICAL" };

	private TestFleet() {
	}

	/** Writes the fleet; returns how many samples were accepted. */
	static int write(WellgateHttp http, List<String> wells, Instant now, Duration span, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Instant start = now.truncatedTo(ChronoUnit.MINUTES).minus(span);
		Instant end = now.minusSeconds(60);
		StringBuilder telemetry = new StringBuilder();
		StringBuilder diagnostics = new StringBuilder();
		int samples = 0;
		for (int w = 0; w < wells.size(); w++) {
			String well = wells.get(w);
			double share = (wells.size() == 1) ? 0 : (double) w / (wells.size() - 1);
			double efficiency = 0.75 - 0.4 * share;
			double trouble = 0.35 - 0.32 * share;
			boolean lastWell = w == wells.size() - 1;
			for (Instant t = start.plusSeconds(37L * w); t.isBefore(end); t = t.plus(7, ChronoUnit.MINUTES)) {
				telemetry.append(sample(random, well, t, efficiency, trouble, lastWell)).append('\n');
				samples++;
			}
			for (int i = 0; i < 12; i++) {
				Instant t = start.plus(Duration.ofMinutes(span.toMinutes() * i / 12 + random.nextLong(span.toMinutes() / 12)));
				diagnostics.append("""
						{"wellId":"%s","time":"%s","type":"%s","severity":"%s","confidence":%s}
						""".formatted(well, t, TYPES[random.nextInt(TYPES.length)],
						SEVERITIES[random.nextInt(SEVERITIES.length)], round(random.nextDouble(0.05, 1.0), 3)));
			}
		}
		Response written = http.post("/api/v1/telemetry", "application/x-ndjson", telemetry.toString(), WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
		assertThat(written.json().get("accepted").asInt()).isEqualTo(samples);
		Response recorded = http.post("/api/v1/diagnostics", "application/x-ndjson", diagnostics.toString(),
				WellgateHttp.TOKEN);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
		return samples;
	}

	private static String sample(SplittableRandom random, String well, Instant t, double efficiency, double trouble,
			boolean lastWell) {
		double flow = round(random.nextDouble(1500, 2500), 2);
		boolean lowIntake = random.nextDouble() < trouble / 2;
		double intake = round(lowIntake ? random.nextDouble(20, 99) : random.nextDouble(400, 1000), 2);
		double discharge = round(random.nextDouble(2500, 3500), 2);
		double hydraulic = flow * (discharge - intake) * 1.2687e-5;
		double draw = random.nextDouble();
		String power = draw < 0.1 ? "null" : draw < 0.13 ? "0" : Double.toString(round(hydraulic / efficiency * random.nextDouble(0.95, 1.05), 3));
		double vibration = round(random.nextDouble() < trouble ? random.nextDouble(0.51, 1.2) : random.nextDouble(0.05, 0.5), 3);
		double motorTemperature = round(random.nextDouble() < trouble / 2 ? random.nextDouble(251, 300) : random.nextDouble(180, 250), 2);
		double current = round(random.nextDouble() < trouble / 3 ? random.nextDouble(80.5, 120) : random.nextDouble(40, 80), 2);
		String intakeTemperature = lastWell ? "null" : Double.toString(round(random.nextDouble(150, 200), 2));
		return """
				{"wellId":"%s","time":"%s","flowRate":%s,"intakePressure":%s,"dischargePressure":%s,"motorCurrent":%s,\
				"motorVoltage":%s,"motorTemperature":%s,"intakeTemperature":%s,"vibration":%s,"frequency":%s,"powerKw":%s}"""
			.formatted(well, t, flow, intake, discharge, current, round(random.nextDouble(2000, 3000), 1), motorTemperature,
					intakeTemperature, vibration, round(random.nextDouble(50, 60), 2), power);
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
