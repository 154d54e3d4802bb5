package io.wellgate.analytics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.aggregate.AggregateName;
import io.wellgate.aggregate.SqlTemplate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Efficiency and health: per hour, summarized over a window, and ranked across the fleet. The
 * window's scores come from the summed parts of its buckets, so they are the contract's formulas
 * over all the window's samples.
 */
@Repository
public class PerformanceQueries {

	/** The contract's scores from summed parts (columns of the same names). */
	private static final String SCORES = """
			CASE WHEN sum(b.eligible) = 0 OR sum(b.power_kw_sum) = 0 THEN NULL
			     ELSE greatest(0, least(100, 100 * sum(b.hydraulic_kw_sum) / sum(b.power_kw_sum))) END AS efficiency,
			greatest(0, least(100, 100 - 100 * (
			    0.35 * sum(b.vibration_breaches) / sum(b.samples)
			  + 0.30 * sum(b.overheat_breaches) / sum(b.samples)
			  + 0.20 * sum(b.overcurrent_breaches) / sum(b.samples)
			  + 0.15 * sum(b.low_intake_breaches) / sum(b.samples)))) AS health,
			sum(b.samples) AS samples,
			sum(b.anomalies) AS anomalies""";

	private final JdbcClient jdbc;

	private final AggregateEngine engine;

	private final String buckets;

	private final String summaries;

	private final String fleetSummaries;

	private final String fieldSummaries;

	PerformanceQueries(JdbcClient jdbc, AggregateEngine engine) {
		this.jdbc = jdbc;
		this.engine = engine;
		AggregateName name = AggregateName.WELL_PERFORMANCE_HOURLY;
		this.buckets = SqlTemplate.of("""
				SELECT b.well_id, b.bucket,
				       {{scores}}
				FROM (
				    {{buckets}}
				) b
				GROUP BY b.well_id, b.bucket
				ORDER BY b.well_id, b.bucket
				""").with("scores", SCORES).with("buckets", engine.exactBuckets(name, false)).sql();
		this.summaries = perWell(engine.exactTotals(name, false));
		this.fleetSummaries = perWell(engine.exactTotals(name, true));
		// Sums of the wells' sums are the sums over all the field's samples: the same formulas.
		this.fieldSummaries = SqlTemplate.of("""
				SELECT f.field,
				       {{scores}}
				FROM (
				    {{totals}}
				) b
				JOIN wells f ON f.id = b.well_id
				WHERE f.field = ANY(:fields)
				GROUP BY f.field
				""").with("scores", SCORES).with("totals", engine.exactTotals(name, true)).sql();
	}

	/** Each well's scores over the window, from the engine's totals. */
	private static String perWell(String totals) {
		return SqlTemplate.of("""
				SELECT b.well_id,
				       {{scores}}
				FROM (
				    {{totals}}
				) b
				GROUP BY b.well_id
				ORDER BY b.well_id
				""").with("scores", SCORES).with("totals", totals).sql();
	}

	/**
	 * Each oil field's summary over the window, over all the samples of its wells, in one
	 * statement; fields without samples in it are absent. The summaries carry no well id.
	 */
	public Map<String, PerformanceSummary> fieldSummaries(Collection<String> fields, Window window) {
		OffsetDateTime from = OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC);
		OffsetDateTime to = OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC);
		Map<String, PerformanceSummary> summaries = new HashMap<>();
		this.engine
			.bindWindow(this.jdbc.sql(this.fieldSummaries).param("fields", fields.toArray(String[]::new)),
					AggregateName.WELL_PERFORMANCE_HOURLY, window.from(), window.to())
			.query(rs -> {
				summaries.put(rs.getString("field"), new PerformanceSummary(null, from, to, rs.getInt("samples"),
						TelemetryQueries.value(rs, "efficiency"), TelemetryQueries.value(rs, "health"),
						rs.getInt("anomalies")));
			});
		return summaries;
	}

	/** Hourly scores of each well, ordered by bucket start. */
	public List<Performance> hourly(Collection<String> wells, Window window) {
		return this.engine
			.bindWindow(this.jdbc.sql(this.buckets).param("wells", wells.toArray(String[]::new)),
					AggregateName.WELL_PERFORMANCE_HOURLY, window.from(), window.to())
			.query((rs, i) -> new Performance(rs.getString("well_id"), rs.getObject("bucket", OffsetDateTime.class),
					rs.getInt("samples"), TelemetryQueries.value(rs, "efficiency"), TelemetryQueries.value(rs, "health"),
					rs.getInt("anomalies")))
			.list();
	}

	/**
	 * Each well's summary over the window; wells without samples in it are absent.
	 * @param wells the wells, or {@code null} for every well
	 */
	public List<PerformanceSummary> summaries(Collection<String> wells, Window window) {
		JdbcClient.StatementSpec statement = (wells == null) ? this.jdbc.sql(this.fleetSummaries)
				: this.jdbc.sql(this.summaries).param("wells", wells.toArray(String[]::new));
		OffsetDateTime from = OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC);
		OffsetDateTime to = OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC);
		return this.engine
			.bindWindow(statement, AggregateName.WELL_PERFORMANCE_HOURLY, window.from(), window.to())
			.query((rs, i) -> new PerformanceSummary(rs.getString("well_id"), from, to, rs.getInt("samples"),
					TelemetryQueries.value(rs, "efficiency"), TelemetryQueries.value(rs, "health"), rs.getInt("anomalies")))
			.list();
	}

}
