package io.wellgate.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.aggregate.AggregateName;
import io.wellgate.aggregate.SqlTemplate;
import io.wellgate.telemetry.TelemetryMetric;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hourly and daily telemetry statistics, read exactly through the aggregate engine, for any
 * number of wells in one statement.
 */
@Repository
public class TelemetryQueries {

	private final JdbcClient jdbc;

	private final AggregateEngine engine;

	private final String hourly;

	private final String daily;

	TelemetryQueries(JdbcClient jdbc, AggregateEngine engine) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.hourly = statement(columns(false), engine.exactBuckets(AggregateName.TELEMETRY_HOURLY, false));
		this.daily = statement(columns(true), engine.exactBuckets(AggregateName.TELEMETRY_DAILY, false));
	}

	/** The engine's exact buckets, each metric's statistics computed from their parts. */
	private static String statement(String metrics, String buckets) {
		return SqlTemplate.of("""
				SELECT b.well_id, b.bucket, b.samples,
				       {{metrics}}
				FROM (
				    {{buckets}}
				) b
				ORDER BY b.well_id, b.bucket
				""").with("metrics", metrics).with("buckets", buckets).sql();
	}

	/** Hourly buckets of each well, ordered by bucket start. */
	public List<HourlyBucket> hourly(Collection<String> wells, Window window) {
		MetricColumns columns = new MetricColumns("avg", "min", "max");
		return this.engine
			.bindWindow(this.jdbc.sql(this.hourly).param("wells", wells.toArray(String[]::new)),
					AggregateName.TELEMETRY_HOURLY, window.from(), window.to())
			.query((rs, i) -> {
				Map<TelemetryMetric, Range> ranges = new EnumMap<>(TelemetryMetric.class);
				for (TelemetryMetric m : TelemetryMetric.values()) {
					ranges.put(m, new Range(columns.get(rs, m, "avg"), columns.get(rs, m, "min"), columns.get(rs, m, "max")));
				}
				return HourlyBucket.of(rs.getString("well_id"), rs.getObject("bucket", OffsetDateTime.class),
						rs.getInt("samples"), ranges);
			})
			.list();
	}

	/** Daily statistics of each well, ordered by day. */
	public List<DailyStats> daily(Collection<String> wells, Window window) {
		MetricColumns columns = new MetricColumns("avg", "min", "max", "stddev", "median");
		return this.engine
			.bindWindow(this.jdbc.sql(this.daily).param("wells", wells.toArray(String[]::new)),
					AggregateName.TELEMETRY_DAILY, window.from(), window.to())
			.query((rs, i) -> {
				Map<TelemetryMetric, Distribution> distributions = new EnumMap<>(TelemetryMetric.class);
				for (TelemetryMetric m : TelemetryMetric.values()) {
					distributions.put(m, new Distribution(columns.get(rs, m, "avg"), columns.get(rs, m, "min"),
							columns.get(rs, m, "max"), columns.get(rs, m, "stddev"), columns.get(rs, m, "median")));
				}
				OffsetDateTime bucket = rs.getObject("bucket", OffsetDateTime.class);
				return DailyStats.of(rs.getString("well_id"), bucket.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
						rs.getInt("samples"), distributions);
			})
			.list();
	}

	/**
	 * Each metric's columns, named after it: {@code <metric>_avg}, {@code _min}, {@code _max} (and
	 * {@code _stddev}, {@code _median} for a distribution).
	 */
	private static String columns(boolean distribution) {
		return TelemetryMetric.all().stream().map(m -> {
			String c = m.column();
			String range = "b." + c + "_sum / NULLIF(b." + c + "_n, 0) AS " + c + "_avg,\nb." + c + "_min,\nb." + c + "_max";
			return distribution ? range + ",\nb." + c + "_stddev,\nb." + c + "_median" : range;
		}).collect(Collectors.joining(",\n"));
	}

	static Double value(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
