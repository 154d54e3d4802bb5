package io.wellgate.well;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The current reading of a batch of wells in one statement. Each well's newest sample is found
 * at its {@code last_sample_at}, which {@code wells_with_spans} has as of the statement's
 * snapshot (a late, older sample never moves it back): one primary-key probe per well into the one
 * partition that holds that time (run-time partition pruning), so a page of 1,000 wells costs
 * 1,000 probes whatever the history. Should that row be gone (deleted by hand), the newest
 * older one is taken instead, so the answer is always the newest stored sample.
 */
@Repository
class LatestReadings {

	private static final String COLUMNS = """
			r.time, r.flow_rate, r.intake_pressure, r.discharge_pressure, r.motor_current, r.motor_voltage,
			r.motor_temperature, r.intake_temperature, r.vibration, r.frequency, r.power_kw""";

	private static final String LATEST = """
			SELECT w.id AS well_id, s.*
			FROM wells_with_spans w
			CROSS JOIN LATERAL (
			    (SELECT %1$s
			     FROM esp_telemetry r
			     WHERE r.well_id = w.id
			       AND r.time = w.last_sample_at)
			    UNION ALL
			    (SELECT %1$s
			     FROM esp_telemetry r
			     WHERE r.well_id = w.id
			       AND r.time < w.last_sample_at
			     ORDER BY r.time DESC
			     LIMIT 1)
			    LIMIT 1
			) s
			WHERE w.id = ANY(:wells)
			""".formatted(COLUMNS);

	private final JdbcClient jdbc;

	LatestReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest sample of each of {@code wells} that has one, by well id. */
	Map<String, TelemetrySample> latest(Collection<String> wells) {
		Map<String, TelemetrySample> latest = new HashMap<>();
		this.jdbc.sql(LATEST).param("wells", wells.toArray(String[]::new)).query(rs -> {
			latest.put(rs.getString("well_id"), sample(rs));
		});
		return latest;
	}

	private static TelemetrySample sample(ResultSet rs) throws SQLException {
		return new TelemetrySample(rs.getObject("time", OffsetDateTime.class), value(rs, "flow_rate"),
				value(rs, "intake_pressure"), value(rs, "discharge_pressure"), value(rs, "motor_current"),
				value(rs, "motor_voltage"), value(rs, "motor_temperature"), value(rs, "intake_temperature"),
				value(rs, "vibration"), value(rs, "frequency"), value(rs, "power_kw"));
	}

	private static Double value(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
