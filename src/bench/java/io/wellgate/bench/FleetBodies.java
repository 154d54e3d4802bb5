package io.wellgate.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.wellgate.demo.DemoSample;
import io.wellgate.demo.DemoWell;
import io.wellgate.demo.FleetGenerator;
import io.wellgate.telemetry.TelemetryMetric;

/**
 * Renders the demo generator's samples of one well as a request body: NDJSON for the bulk
 * endpoint, or CSV in {@code esp_telemetry}'s column order for a plain {@code COPY}. A body
 * holds one well's minutes (at most a few MB), never the fleet: callers send or copy one well
 * at a time, and both sides get the very same rows.
 */
final class FleetBodies {

	static final Duration STEP = Duration.ofMinutes(1);

	private static final List<TelemetryMetric> METRICS = TelemetryMetric.all();

	private final FleetGenerator generator;

	FleetBodies(FleetGenerator generator) {
		this.generator = generator;
	}

	List<DemoWell> wells() {
		return this.generator.wells();
	}

	/** One well's samples at every minute of {@code (after, upTo]}, one JSON object per line. */
	byte[] ndjson(DemoWell well, Instant after, Instant upTo) {
		StringBuilder body = new StringBuilder();
		for (Instant time = first(after); !time.isAfter(upTo); time = time.plus(STEP)) {
			DemoSample sample = this.generator.sample(well, time);
			body.append("{\"wellId\":\"").append(sample.wellId()).append("\",\"time\":\"").append(time).append('"');
			sample.metrics().forEach((metric, value) -> body.append(",\"").append(metric.field()).append("\":").append(value));
			body.append("}\n");
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The same rows as {@link #ndjson}, as CSV without a header; an empty cell is a null. */
	byte[] csv(DemoWell well, Instant after, Instant upTo) {
		StringBuilder body = new StringBuilder();
		for (Instant time = first(after); !time.isAfter(upTo); time = time.plus(STEP)) {
			DemoSample sample = this.generator.sample(well, time);
			body.append(sample.wellId()).append(',').append(time);
			for (TelemetryMetric metric : METRICS) {
				Double value = sample.metric(metric);
				body.append(',').append(value == null ? "" : value.toString());
			}
			body.append('\n');
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The CSV columns, in {@link #csv}'s order. */
	static String csvColumns() {
		StringBuilder columns = new StringBuilder("well_id, time");
		METRICS.forEach(metric -> columns.append(", ").append(metric.column()));
		return columns.toString();
	}

	private static Instant first(Instant after) {
		return Instant.ofEpochMilli((Math.floorDiv(after.toEpochMilli(), STEP.toMillis()) + 1) * STEP.toMillis());
	}

}
