package io.wellgate.demo;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.wellgate.telemetry.TelemetryMetric;

/**
 * One generated telemetry sample.
 *
 * @param metrics the measured metrics; a sensor that missed this reading is absent
 */
public record DemoSample(String wellId, Instant time, Map<TelemetryMetric, Double> metrics) {

	public DemoSample {
		Map<TelemetryMetric, Double> copy = new EnumMap<>(TelemetryMetric.class);
		copy.putAll(metrics);
		metrics = Collections.unmodifiableMap(copy);
	}

	/** The value of {@code metric}, or {@code null} when it was not measured. */
	public Double metric(TelemetryMetric metric) {
		return this.metrics.get(metric);
	}

	/** The sample as the bulk write path reads a record: field name to value. */
	public Map<String, Object> values() {
		Map<String, Object> values = new HashMap<>(16);
		values.put("wellId", this.wellId);
		values.put("time", this.time);
		this.metrics.forEach((metric, value) -> values.put(metric.field(), value));
		return values;
	}

}
