package io.wellgate.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four wells of a test's own, written through the bulk endpoint with a known order: health falls
 * from the first to the last (a growing share of high-vibration samples) and efficiency rises.
 * Each has {@link #HOURS} full hourly buckets, six samples each, the newest ending two hours
 * before now, so the current hour is empty until a test sends a sample into it. The first two are
 * registered in the oil field {@code <prefix>-north}, the others in {@code <prefix>-south}.
 */
record DashboardFleet(List<String> wells, Instant currentHour) {

	String field(int well) {
		return this.wells.get(well).replaceFirst("-[a-d]$", well < 2 ? "-north" : "-south");
	}

	static final int HOURS = 20;

	static DashboardFleet write(WellgateHttp http, Instant now) {
		String prefix = "dash-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> wells = IntStream.range(0, 4).mapToObj(i -> prefix + "-" + (char) ('a' + i)).toList();
		Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
		StringBuilder body = new StringBuilder();
		for (int w = 0; w < wells.size(); w++) {
			double efficiency = 0.40 + 0.10 * w;
			for (int h = HOURS + 1; h >= 2; h--) {
				for (int m = 0; m < 6; m++) {
					Instant time = currentHour.minus(h, ChronoUnit.HOURS).plus(10L * m, ChronoUnit.MINUTES);
					double flow = 1800 + 10 * m + h;
					double intake = 800;
					double discharge = 3000;
					double power = flow * (discharge - intake) * 1.2687e-5 / efficiency;
					// Well w breaches the vibration rule in w of every 8 samples.
					double vibration = ((h * 6 + m) % 8 < w) ? 0.9 : 0.2;
					body.append("""
							{"wellId":"%s","time":"%s","flowRate":%s,"intakePressure":%s,"dischargePressure":%s,\
							"motorCurrent":55,"motorTemperature":210,"vibration":%s,"powerKw":%s}
							""".formatted(wells.get(w), time, flow, intake, discharge, vibration, power));
				}
			}
		}
		Response written = http.post("/api/v1/telemetry", "application/x-ndjson", body.toString(), WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
		StringBuilder registry = new StringBuilder();
		for (int w = 0; w < wells.size(); w++) {
			registry.append("""
					{"id":"%s","name":"Test %s","field":"%s","pumpModel":"REDA D%d","installedAt":"2024-0%d-15"}
					""".formatted(wells.get(w), wells.get(w), prefix + (w < 2 ? "-north" : "-south"), 400 + w, w + 1));
		}
		Response registered = http.post("/api/v1/wells", "application/x-ndjson", registry.toString(), WellgateHttp.TOKEN);
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		return new DashboardFleet(wells, currentHour);
	}

	/** Sends one sample into the current hour (or, in an hour's first minute, the hour before, also empty). */
	void sendLiveSample(WellgateHttp http, String well, double flowRate, Instant now) {
		String sample = """
				{"wellId":"%s","time":"%s","flowRate":%s,"intakePressure":800,"dischargePressure":3000,"vibration":0.2}
				""".formatted(well, now.minusSeconds(30).truncatedTo(ChronoUnit.SECONDS), flowRate);
		Response written = http.post("/api/v1/telemetry", "application/x-ndjson", sample, WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
	}

}
