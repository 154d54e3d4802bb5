package io.wellgate.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the API must answer, computed the plain way: GROUP BY over the raw rows of
 * {@code esp_telemetry} and {@code diagnostic_results}, written here independently of the
 * aggregate engine. Column labels are the API's names ({@code flowRate_avg}), so a test can
 * compare a row with a JSON node field by field.
 */
final class RawTruth {

	/** The API's metric names and their columns, in the contract's order. */
	static final Map<String, String> METRICS = metrics();

	static final String HOUR = "date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00')";

	static final String DAY = "date_bin('1 day', time, timestamptz '2000-01-01 00:00:00+00')";

	private final JdbcClient jdbc;

	RawTruth(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Hourly buckets starting in [from, to): bucket (epoch seconds), samples, metric_avg/min/max. */
	List<Map<String, Object>> hourly(List<String> wells, Instant from, Instant to) {
		String ranges = METRICS.entrySet()
			.stream()
			.map(m -> "avg(%2$s) AS \"%1$s_avg\", min(%2$s) AS \"%1$s_min\", max(%2$s) AS \"%1$s_max\""
				.formatted(m.getKey(), m.getValue()))
			.collect(Collectors.joining(",\n       "));
		return this.jdbc.sql("""
				SELECT well_id, extract(epoch FROM %1$s)::bigint AS bucket, count(*) AS samples,
				       %2$s
				FROM esp_telemetry
				WHERE well_id = ANY(:wells)
				  AND %1$s >= :from
				  AND %1$s < :to
				GROUP BY 1, 2
				ORDER BY 1, 2
				""".formatted(HOUR, ranges)).params(params(wells, from, to)).query().listOfRows();
	}

	/** Daily statistics of days starting in [from, to): day (YYYY-MM-DD), samples, metric_avg/min/max/stddev/median. */
	List<Map<String, Object>> daily(List<String> wells, Instant from, Instant to) {
		String distributions = METRICS.entrySet()
			.stream()
			.map(m -> """
					avg(%2$s) AS "%1$s_avg", min(%2$s) AS "%1$s_min", max(%2$s) AS "%1$s_max", \
					stddev_samp(%2$s) AS "%1$s_stddev", \
					percentile_cont(0.5) WITHIN GROUP (ORDER BY %2$s) AS "%1$s_median\""""
				.formatted(m.getKey(), m.getValue()))
			.collect(Collectors.joining(",\n       "));
		return this.jdbc.sql("""
				SELECT well_id, to_char(%1$s AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS samples,
				       %2$s
				FROM esp_telemetry
				WHERE well_id = ANY(:wells)
				  AND %1$s >= :from
				  AND %1$s < :to
				GROUP BY 1, 2
				ORDER BY 1, 2
				""".formatted(DAY, distributions)).params(params(wells, from, to)).query().listOfRows();
	}

	/**
	 * The contract's scores per well and hour ({@code byHour}, bucket in epoch seconds) or per
	 * well over all hours starting in [from, to): samples, efficiencyScore, healthScore, anomalyCount.
	 */
	List<Map<String, Object>> performance(List<String> wells, Instant from, Instant to, boolean byHour) {
		String bucket = byHour ? "extract(epoch FROM " + HOUR + ")::bigint" : "NULL::bigint";
		return this.jdbc.sql("""
				WITH s AS (
				    SELECT well_id, %2$s AS bucket,
				           flow_rate IS NOT NULL AND intake_pressure IS NOT NULL AND discharge_pressure IS NOT NULL
				               AND power_kw > 0 AS eligible,
				           flow_rate * (discharge_pressure - intake_pressure) * 1.2687e-5 AS hydraulic,
				           power_kw,
				           coalesce(vibration > 0.5, false) AS vib,
				           coalesce(motor_temperature > 250, false) AS hot,
				           coalesce(motor_current > 80, false) AS amps,
				           coalesce(intake_pressure < 100, false) AS low
				    FROM esp_telemetry
				    WHERE well_id = ANY(:wells)
				      AND %1$s >= :from
				      AND %1$s < :to
				)
				SELECT well_id, bucket, count(*) AS samples,
				       CASE WHEN count(*) FILTER (WHERE eligible) = 0
				              OR sum(power_kw) FILTER (WHERE eligible) = 0 THEN NULL
				            ELSE greatest(0, least(100, 100 * sum(hydraulic) FILTER (WHERE eligible)
				                                          / sum(power_kw) FILTER (WHERE eligible))) END AS "efficiencyScore",
				       greatest(0, least(100, 100 - 100 * (
				             0.35 * count(*) FILTER (WHERE vib)::float8 / count(*)
				           + 0.30 * count(*) FILTER (WHERE hot)::float8 / count(*)
				           + 0.20 * count(*) FILTER (WHERE amps)::float8 / count(*)
				           + 0.15 * count(*) FILTER (WHERE low)::float8 / count(*)))) AS "healthScore",
				       count(*) FILTER (WHERE vib OR hot OR amps OR low) AS "anomalyCount"
				FROM s
				GROUP BY 1, 2
				ORDER BY 1, 2
				""".formatted(HOUR, bucket)).params(params(wells, from, to)).query().listOfRows();
	}

	/**
	 * Daily diagnostic summaries of days starting in [from, to), ordered by day, then well id:
	 * total, low/medium/high/critical, byType (TYPE:count,... in the schema's enum order) and
	 * confidence_avg/min/max.
	 */
	List<Map<String, Object>> diagnostics(List<String> wells, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT well_id, to_char(%1$s AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS total,
				       count(*) FILTER (WHERE severity = 'LOW') AS low,
				       count(*) FILTER (WHERE severity = 'MEDIUM') AS medium,
				       count(*) FILTER (WHERE severity = 'HIGH') AS high,
				       count(*) FILTER (WHERE severity = 'CRITICAL') AS critical,
				       avg(confidence) AS confidence_avg, min(confidence) AS confidence_min, max(confidence) AS confidence_max
				FROM diagnostic_results
				WHERE well_id = ANY(:wells)
				  AND %1$s >= :from
				  AND %1$s < :to
				GROUP BY 1, 2
				ORDER BY 2, 1
				""".formatted(DAY)).params(params(wells, from, to)).query().listOfRows();
	}

	/** Findings per type of one well and day, as {@code TYPE -> count}. */
	Map<String, Long> types(String well, String day) {
		return this.jdbc.sql("""
				SELECT type, count(*) AS n
				FROM diagnostic_results
				WHERE well_id = :well
				  AND to_char(%1$s AT TIME ZONE 'UTC', 'YYYY-MM-DD') = :day
				GROUP BY type
				""".formatted(DAY)).param("well", well).param("day", day)
			.query((rs, i) -> Map.entry(rs.getString("type"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Map<String, Object> params(List<String> wells, Instant from, Instant to) {
		return Map.of("wells", wells.toArray(String[]::new), "from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC), "to",
				OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
	}

	private static Map<String, String> metrics() {
		Map<String, String> metrics = new java.util.LinkedHashMap<>();
		metrics.put("flowRate", "flow_rate");
		metrics.put("intakePressure", "intake_pressure");
		metrics.put("dischargePressure", "discharge_pressure");
		metrics.put("motorCurrent", "motor_current");
		metrics.put("motorVoltage", "motor_voltage");
		metrics.put("motorTemperature", "motor_temperature");
		metrics.put("intakeTemperature", "intake_temperature");
		metrics.put("vibration", "vibration");
		metrics.put("frequency", "frequency");
		metrics.put("powerKw", "power_kw");
		return java.util.Collections.unmodifiableMap(metrics);
	}

}
