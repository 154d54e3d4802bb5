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
 * endpoint, or CSV in {@code esp_telemetry}'s column order for a plain {@code COPY}. A per-well
 * body holds one well's minutes (at most a few MB); a field-shaped body holds a stretch of minutes
 * of the whole fleet in time order (an hour: W x 60 lines). Both sides get the very same rows.
 */
final class FleetBodies {

	static final Duration STEP = Duration.ofMinutes(1);

	private static final List<TelemetryMetric> METRICS = TelemetryMetric.all();

	private final FleetGenerator generator;

	private final String prefix;

	FleetBodies(FleetGenerator generator) {
		this(generator, "");
	}

	/** The generator's fleet with every well id prefixed: the same rows for other wells (tests use their own ids). */
	FleetBodies(FleetGenerator generator, String prefix) {
		this.generator = generator;
		this.prefix = prefix;
	}

	/** The well ids the bodies carry, in the fleet's order. */
	List<String> ids() {
		return wells().stream().map(well -> this.prefix + well.id()).toList();
	}

	List<DemoWell> wells() {
		return this.generator.wells();
	}

	/** One well's samples at every minute of {@code (after, upTo]}, one JSON object per line. */
	byte[] ndjson(DemoWell well, Instant after, Instant upTo) {
		return ndjson(well, after, upTo, "");
	}

	/**
	 * The same, stamped with the well id {@code prefix + id}: the same rows for another well, as a
	 * scratch copy of the fleet that does not replace its samples.
	 */
	byte[] ndjson(DemoWell well, Instant after, Instant upTo, String prefix) {
		StringBuilder body = new StringBuilder();
		for (Instant time = first(after); !time.isAfter(upTo); time = time.plus(STEP)) {
			line(body, well, time, prefix);
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The whole fleet's samples as the field sends them: every minute of {@code (after, upTo]} in
	 * time order, each minute a batch of every well's sample.
	 */
	byte[] minutes(Instant after, Instant upTo) {
		StringBuilder body = new StringBuilder();
		for (Instant time = first(after); !time.isAfter(upTo); time = time.plus(STEP)) {
			for (DemoWell well : wells()) {
				line(body, well, time, "");
			}
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** One sample as a one-line NDJSON body (no line end), as a gateway forwards an RTU's reading. */
	String sample(DemoWell well, Instant minute) {
		StringBuilder body = new StringBuilder();
		line(body, well, minute, "");
		return body.substring(0, body.length() - 1);
	}

	private void line(StringBuilder body, DemoWell well, Instant time, String prefix) {
		DemoSample sample = this.generator.sample(well, time);
		body.append("{\"wellId\":\"").append(this.prefix).append(prefix).append(sample.wellId()).append("\",\"time\":\"").append(time).append('"');
		sample.metrics().forEach((metric, value) -> body.append(",\"").append(metric.field()).append("\":").append(value));
		body.append("}\n");
	}

	/** The same rows as {@link #ndjson}, as CSV without a header; an empty cell is a null. */
	byte[] csv(DemoWell well, Instant after, Instant upTo) {
		StringBuilder body = new StringBuilder();
		for (Instant time = first(after); !time.isAfter(upTo); time = time.plus(STEP)) {
			DemoSample sample = this.generator.sample(well, time);
			body.append(this.prefix).append(sample.wellId()).append(',').append(time);
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
