package io.wellgate.bench;

import java.util.stream.Collectors;

import io.wellgate.telemetry.TelemetryMetric;

/**
 * The four reads written as anyone would without continuous aggregates: a {@code GROUP BY} over
 * the raw rows of the window, with the contract's formulas. Parameters {@code :from} and
 * {@code :to} are the window aligned to whole buckets (as the API aligns it), {@code :well} the
 * well when the read is for one.
 */
final class RawSql {

	private static final String HOUR = "date_bin('1 hour', r.time, timestamptz '2000-01-01 00:00:00+00')";

	private static final String DAY = "date_bin('1 day', r.time, timestamptz '2000-01-01 00:00:00+00')";

	private static final String ELIGIBLE = """
			r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL \
			AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0""";

	/**
	 * The contract's efficiency and health over the group's samples. (A CASE, not just a clamp:
	 * {@code least}/{@code greatest} skip nulls, so a clamp alone would turn "no eligible sample" into 100.)
	 */
	private static final String SCORES = """
			count(*) AS samples,
			       CASE WHEN sum(r.power_kw) FILTER (WHERE %1$s) <> 0
			            THEN greatest(0, least(100, 100 * sum(r.flow_rate * (r.discharge_pressure - r.intake_pressure) * 1.2687e-5) FILTER (WHERE %1$s)
			                                         / sum(r.power_kw) FILTER (WHERE %1$s))) END AS efficiency,
			       greatest(0, least(100, 100 - 100 * (
			           0.35 * count(*) FILTER (WHERE r.vibration > 0.5)
			         + 0.30 * count(*) FILTER (WHERE r.motor_temperature > 250)
			         + 0.20 * count(*) FILTER (WHERE r.motor_current > 80)
			         + 0.15 * count(*) FILTER (WHERE r.intake_pressure < 100)) / count(*))) AS health,
			       count(*) FILTER (WHERE r.vibration > 0.5 OR r.motor_temperature > 250
			                           OR r.motor_current > 80 OR r.intake_pressure < 100) AS anomalies""".formatted(ELIGIBLE);

	private RawSql() {
	}

	/** Per well and hour: samples, and avg/min/max of every metric. */
	static String hourly(boolean oneWell) {
		return buckets(HOUR, metrics(false), oneWell);
	}

	/** Per well and day: samples, and avg/min/max/stddev/median of every metric. */
	static String daily(boolean oneWell) {
		return buckets(DAY, metrics(true), oneWell);
	}

	/** Per well and hour: samples, efficiency, health, anomalies. */
	static String performance(boolean oneWell) {
		return buckets(HOUR, SCORES, oneWell);
	}

	/** Every well with samples in the window, by efficiency over the whole window, best first. */
	static String ranking() {
		return """
				SELECT r.well_id,
				       %s
				FROM esp_telemetry r
				WHERE r.time >= :from AND r.time < :to
				GROUP BY r.well_id
				ORDER BY efficiency DESC NULLS LAST, r.well_id
				LIMIT 1000
				""".formatted(SCORES);
	}

	private static String buckets(String bucket, String columns, boolean oneWell) {
		return """
				SELECT r.well_id, %1$s AS bucket,
				       %2$s
				FROM esp_telemetry r
				WHERE %3$s r.time >= :from AND r.time < :to
				GROUP BY r.well_id, %1$s
				ORDER BY r.well_id, bucket
				""".formatted(bucket, columns, oneWell ? "r.well_id = :well AND" : "");
	}

	private static String metrics(boolean distribution) {
		String columns = TelemetryMetric.all().stream().map(metric -> {
			String c = "r." + metric.column();
			String range = "avg(%1$s), min(%1$s), max(%1$s)".formatted(c);
			return distribution ? range + ", stddev_samp(%1$s), percentile_cont(0.5) WITHIN GROUP (ORDER BY %1$s)".formatted(c)
					: range;
		}).collect(Collectors.joining(",\n       "));
		return "count(*) AS samples,\n       " + columns;
	}

}
