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

import io.wellgate.aggregate.AggregateDefinitions;
import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.telemetry.TelemetryMetric;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hourly and daily telemetry statistics, read exactly through the aggregate engine, for any
 * number of wells in one statement.
 */
@Repository
public class TelemetryQueries {

	/** Where the metrics' columns start: after well_id, bucket and samples. */
	private static final int FIRST_METRIC_COLUMN = 4;

	private final JdbcClient jdbc;

	private final AggregateEngine engine;

	private final String hourly;

	private final String daily;

	TelemetryQueries(JdbcClient jdbc, AggregateEngine engine) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.hourly = """
				SELECT b.well_id, b.bucket, b.samples,
				       %s
				FROM (%s) b
				ORDER BY b.well_id, b.bucket
				""".formatted(columns(false), engine.exactBuckets(AggregateDefinitions.TELEMETRY_HOURLY, false));
		this.daily = """
				SELECT b.well_id, b.bucket, b.samples,
				       %s
				FROM (%s) b
				ORDER BY b.well_id, b.bucket
				""".formatted(columns(true), engine.exactBuckets(AggregateDefinitions.TELEMETRY_DAILY, false));
	}

	/** Hourly buckets of each well, ordered by bucket start. */
	public List<HourlyBucket> hourly(Collection<String> wells, Window window) {
		return this.engine
			.bindWindow(this.jdbc.sql(this.hourly).param("wells", wells.toArray(String[]::new)),
					AggregateDefinitions.TELEMETRY_HOURLY, window.from(), window.to())
			.query((rs, i) -> {
				Map<TelemetryMetric, Range> ranges = new EnumMap<>(TelemetryMetric.class);
				int column = FIRST_METRIC_COLUMN;
				for (TelemetryMetric m : TelemetryMetric.values()) {
					ranges.put(m, new Range(value(rs, column), value(rs, column + 1), value(rs, column + 2)));
					column += 3;
				}
				return HourlyBucket.of(rs.getString("well_id"), rs.getObject("bucket", OffsetDateTime.class),
						rs.getInt("samples"), ranges);
			})
			.list();
	}

	/** Daily statistics of each well, ordered by day. */
	public List<DailyStats> daily(Collection<String> wells, Window window) {
		return this.engine
			.bindWindow(this.jdbc.sql(this.daily).param("wells", wells.toArray(String[]::new)),
					AggregateDefinitions.TELEMETRY_DAILY, window.from(), window.to())
			.query((rs, i) -> {
				Map<TelemetryMetric, Distribution> distributions = new EnumMap<>(TelemetryMetric.class);
				int column = FIRST_METRIC_COLUMN;
				for (TelemetryMetric m : TelemetryMetric.values()) {
					distributions.put(m, new Distribution(value(rs, column), value(rs, column + 1), value(rs, column + 2),
							value(rs, column + 3), value(rs, column + 4)));
					column += 5;
				}
				OffsetDateTime bucket = rs.getObject("bucket", OffsetDateTime.class);
				return DailyStats.of(rs.getString("well_id"), bucket.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
						rs.getInt("samples"), distributions);
			})
			.list();
	}

	/**
	 * The metrics' columns, in {@link TelemetryMetric} order after well, bucket and samples: avg,
	 * min, max (and stddev, median for a distribution) of each, read by position.
	 */
	private static String columns(boolean distribution) {
		return TelemetryMetric.all().stream().map(m -> {
			String c = m.column();
			String range = "b.%1$s_sum / NULLIF(b.%1$s_n, 0) AS %1$s_avg, b.%1$s_min, b.%1$s_max".formatted(c);
			return distribution ? range + ", b.%1$s_stddev, b.%1$s_median".formatted(c) : range;
		}).collect(Collectors.joining(",\n       "));
	}

	private static Double value(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static Double value(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
