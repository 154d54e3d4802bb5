package io.wellgate.analytics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.aggregate.AggregateName;
import io.wellgate.aggregate.SqlTemplate;
import io.wellgate.diagnostic.DiagnosisType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Daily diagnostic summaries, per well or for the whole fleet, ordered by day, then well id.
 */
@Repository
public class DiagnosticQueries {

	private final JdbcClient jdbc;

	private final AggregateEngine engine;

	private final String some;

	private final String all;

	DiagnosticQueries(JdbcClient jdbc, AggregateEngine engine) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.some = statement(engine.exactBuckets(AggregateName.DIAGNOSTIC_SUMMARY_DAILY, false));
		this.all = statement(engine.exactBuckets(AggregateName.DIAGNOSTIC_SUMMARY_DAILY, true));
	}

	/** The engine's exact buckets, every part under its own name, and the average confidence. */
	private static String statement(String buckets) {
		return SqlTemplate.of("""
				SELECT b.*, b.confidence_sum / NULLIF(b.total, 0) AS confidence_avg
				FROM (
				    {{buckets}}
				) b
				ORDER BY b.bucket, b.well_id
				""").with("buckets", buckets).sql();
	}

	/**
	 * @param wells the wells, or {@code null} for every well
	 */
	public List<DiagnosticSummary> daily(Collection<String> wells, Window window) {
		JdbcClient.StatementSpec statement = (wells == null) ? this.jdbc.sql(this.all)
				: this.jdbc.sql(this.some).param("wells", wells.toArray(String[]::new));
		return this.engine
			.bindWindow(statement, AggregateName.DIAGNOSTIC_SUMMARY_DAILY, window.from(), window.to())
			.query((rs, i) -> {
			List<DiagnosticSummary.TypeCount> types = new ArrayList<>();
			for (DiagnosisType type : DiagnosisType.values()) {
				int count = rs.getInt("type_" + type.name().toLowerCase());
				if (count > 0) {
					types.add(new DiagnosticSummary.TypeCount(type.name(), count));
				}
			}
			return new DiagnosticSummary(rs.getString("well_id"),
					rs.getObject("bucket", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
					rs.getInt("total"),
					new DiagnosticSummary.SeverityCounts(rs.getInt("severity_low"), rs.getInt("severity_medium"),
							rs.getInt("severity_high"), rs.getInt("severity_critical")),
					types, new Range(TelemetryQueries.value(rs, "confidence_avg"),
							TelemetryQueries.value(rs, "confidence_min"), TelemetryQueries.value(rs, "confidence_max")));
		}).list();
	}

}
