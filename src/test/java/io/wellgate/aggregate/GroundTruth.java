package io.wellgate.aggregate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each aggregate computed the plain way: a GROUP BY over the raw rows, written here
 * independently of the engine. Tests compare the engine's reads with it.
 * <p>
 * It reads tables named like the raw ones in a schema of the caller's choice, so that a test
 * can keep a shadow copy of everything ever written (retention drops raw partitions; the
 * aggregates must keep what they held).
 */
final class GroundTruth {

	private final JdbcClient jdbc;

	private final String telemetry;

	private final String diagnostics;

	GroundTruth(JdbcClient jdbc, String telemetry, String diagnostics) {
		this.jdbc = jdbc;
		this.telemetry = telemetry;
		this.diagnostics = diagnostics;
	}

	List<Map<String, Object>> hourly(List<String> wells, OffsetDateTime from, OffsetDateTime to) {
		return this.jdbc.sql("""
				SELECT well_id, date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00') AS bucket, count(*) AS samples,
				       avg(flow_rate) AS flow_rate_avg, min(flow_rate) AS flow_rate_min, max(flow_rate) AS flow_rate_max,
				       avg(intake_pressure) AS intake_pressure_avg, min(intake_pressure) AS intake_pressure_min, max(intake_pressure) AS intake_pressure_max,
				       avg(vibration) AS vibration_avg, min(vibration) AS vibration_min, max(vibration) AS vibration_max,
				       avg(power_kw) AS power_kw_avg, min(power_kw) AS power_kw_min, max(power_kw) AS power_kw_max
				FROM %s
				WHERE well_id = ANY(:wells)
				  AND date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00') >= :from AND date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00') < :to
				GROUP BY 1, 2
				ORDER BY 1, 2
				""".formatted(this.telemetry)).param("wells", wells.toArray(String[]::new)).param("from", from).param("to", to)
			.query().listOfRows();
	}

	List<Map<String, Object>> daily(List<String> wells, OffsetDateTime from, OffsetDateTime to) {
		return this.jdbc.sql("""
				SELECT well_id, date_bin('1 day', time, timestamptz '2000-01-01 00:00:00+00') AS day, count(*) AS samples,
				       avg(motor_temperature) AS motor_temperature_avg, min(motor_temperature) AS motor_temperature_min,
				       max(motor_temperature) AS motor_temperature_max,
				       stddev_samp(motor_temperature) AS motor_temperature_stddev,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY motor_temperature) AS motor_temperature_median,
				       stddev_samp(flow_rate) AS flow_rate_stddev,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY flow_rate) AS flow_rate_median
				FROM %s
				WHERE well_id = ANY(:wells)
				  AND date_bin('1 day', time, timestamptz '2000-01-01 00:00:00+00') >= :from AND date_bin('1 day', time, timestamptz '2000-01-01 00:00:00+00') < :to
				GROUP BY 1, 2
				ORDER BY 1, 2
				""".formatted(this.telemetry)).param("wells", wells.toArray(String[]::new)).param("from", from).param("to", to)
			.query().listOfRows();
	}

	/** Scores per well and hour ({@code byHour}) or per well over the whole window. */
	List<Map<String, Object>> performance(List<String> wells, OffsetDateTime from, OffsetDateTime to,
			boolean byHour) {
		String bucket = byHour ? "date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00')" : "NULL::timestamptz";
		return this.jdbc.sql("""
				WITH s AS (
				    SELECT well_id, %2$s AS bucket, time,
				           flow_rate IS NOT NULL AND intake_pressure IS NOT NULL AND discharge_pressure IS NOT NULL
				               AND power_kw > 0 AS eligible,
				           flow_rate * (discharge_pressure - intake_pressure) * 1.2687e-5 AS hydraulic,
				           power_kw,
				           coalesce(vibration > 0.5, false) AS vib,
				           coalesce(motor_temperature > 250, false) AS hot,
				           coalesce(motor_current > 80, false) AS amps,
				           coalesce(intake_pressure < 100, false) AS low
				    FROM %1$s
				    WHERE well_id = ANY(:wells) AND date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00') >= :from AND date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00') < :to
				)
				SELECT well_id, bucket, count(*) AS samples,
				       CASE WHEN count(*) FILTER (WHERE eligible) = 0
				              OR sum(power_kw) FILTER (WHERE eligible) = 0 THEN NULL
				            ELSE greatest(0, least(100, 100 * sum(hydraulic) FILTER (WHERE eligible)
				                                          / sum(power_kw) FILTER (WHERE eligible))) END AS efficiency,
				       greatest(0, least(100, 100 - 100 * (
				             0.35 * count(*) FILTER (WHERE vib)::float8 / count(*)
				           + 0.30 * count(*) FILTER (WHERE hot)::float8 / count(*)
				           + 0.20 * count(*) FILTER (WHERE amps)::float8 / count(*)
				           + 0.15 * count(*) FILTER (WHERE low)::float8 / count(*)))) AS health,
				       count(*) FILTER (WHERE vib OR hot OR amps OR low) AS anomalies
				FROM s
				GROUP BY 1, 2
				ORDER BY 1, 2
				""".formatted(this.telemetry, bucket)).param("wells", wells.toArray(String[]::new)).param("from", from)
			.param("to", to).query().listOfRows();
	}

	List<Map<String, Object>> diagnostics(List<String> wells, OffsetDateTime from, OffsetDateTime to) {
		return this.jdbc.sql("""
				SELECT well_id, date_bin('1 day', time, timestamptz '2000-01-01 00:00:00+00') AS day, count(*) AS total,
				       count(*) FILTER (WHERE severity = 'HIGH') AS high,
				       count(*) FILTER (WHERE type = 'GAS_LOCK') AS gas_lock,
				       avg(confidence) AS confidence_avg, min(confidence) AS confidence_min, max(confidence) AS confidence_max
				FROM %s
				WHERE well_id = ANY(:wells) AND date_bin('1 day', time, timestamptz '2000-01-01 00:00:00+00') >= :from AND date_bin('1 day', time, timestamptz '2000-01-01 00:00:00+00') < :to
				GROUP BY 1, 2
				ORDER BY 2, 1
				""".formatted(this.diagnostics)).param("wells", wells.toArray(String[]::new)).param("from", from)
			.param("to", to).query().listOfRows();
	}

}
