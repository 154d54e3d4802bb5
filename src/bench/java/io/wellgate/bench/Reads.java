package io.wellgate.bench;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.aggregate.AggregateName;
import io.wellgate.analytics.PerformanceQueries;
import io.wellgate.analytics.TelemetryQueries;
import io.wellgate.analytics.Window;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.wellgate.bench.GraphQlDocuments.DAILY_FIELDS;
import static io.wellgate.bench.GraphQlDocuments.HOURLY_FIELDS;
import static io.wellgate.bench.GraphQlDocuments.PERFORMANCE_FIELDS;
import static io.wellgate.bench.GraphQlDocuments.fleet;
import static io.wellgate.bench.GraphQlDocuments.oneWell;

/**
 * The measured reads: hourly series for 24 h, daily statistics for 30 days and hourly
 * performance for 24 h, for one well and for the fleet, and the fleet's efficiency ranking.
 * Windows end "now" at each run, as the API's relative windows do.
 */
final class Reads {

	private static final Duration DAY = Duration.ofDays(1);

	private static final Duration MONTH = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final TelemetryQueries telemetry;

	private final PerformanceQueries performance;

	private final AggregateEngine engine;

	private final String well;

	private final List<String> fleet;

	Reads(BenchService service, List<String> fleet) {
		this.jdbc = service.jdbc();
		this.telemetry = service.bean(TelemetryQueries.class);
		this.performance = service.bean(PerformanceQueries.class);
		this.engine = service.bean(AggregateEngine.class);
		this.well = fleet.get(0);
		this.fleet = fleet;
	}

	List<ReadCase> cases() {
		List<String> one = List.of(this.well);
		Map<String, Object> id = Map.of("id", this.well);
		return List.of(
				new ReadCase("one well, hourly, 24 h", raw(RawSql.hourly(true), AggregateName.TELEMETRY_HOURLY, DAY),
						Stopwatch.FAST, () -> this.telemetry.hourly(one, last(DAY)).size(),
						ServiceHttp.graphqlBody(oneWell(HOURLY_FIELDS), id), ReadCase.Target.timescale(1.1, 0.17, 3.0)),
				new ReadCase("one well, daily, 30 d", raw(RawSql.daily(true), AggregateName.TELEMETRY_DAILY, MONTH),
						Stopwatch.FAST, () -> this.telemetry.daily(one, last(MONTH)).size(),
						ServiceHttp.graphqlBody(oneWell(DAILY_FIELDS), id), ReadCase.Target.timescale(40, 0.26, 3.0)),
				new ReadCase("one well, performance, 24 h",
						raw(RawSql.performance(true), AggregateName.WELL_PERFORMANCE_HOURLY, DAY), Stopwatch.FAST,
						() -> this.performance.hourly(one, last(DAY)).size(),
						ServiceHttp.graphqlBody(oneWell(PERFORMANCE_FIELDS), id), ReadCase.Target.timescale(0.95, 0.15, 3.0)),
				new ReadCase("fleet, hourly, 24 h", raw(RawSql.hourly(false), AggregateName.TELEMETRY_HOURLY, DAY),
						Stopwatch.SLOW, () -> this.telemetry.hourly(this.fleet, last(DAY)).size(),
						ServiceHttp.graphqlBody(fleet(HOURLY_FIELDS), Map.of()), ReadCase.Target.NONE),
				new ReadCase("fleet, daily, 30 d", raw(RawSql.daily(false), AggregateName.TELEMETRY_DAILY, MONTH),
						Stopwatch.SLOW, () -> this.telemetry.daily(this.fleet, last(MONTH)).size(),
						ServiceHttp.graphqlBody(fleet(DAILY_FIELDS), Map.of()), ReadCase.Target.NONE),
				new ReadCase("fleet, performance, 24 h",
						raw(RawSql.performance(false), AggregateName.WELL_PERFORMANCE_HOURLY, DAY), Stopwatch.SLOW,
						() -> this.performance.hourly(this.fleet, last(DAY)).size(),
						ServiceHttp.graphqlBody(fleet(PERFORMANCE_FIELDS), Map.of()), ReadCase.Target.NONE),
				new ReadCase("fleet, efficiency ranking, 24 h",
						raw(RawSql.ranking(), AggregateName.WELL_PERFORMANCE_HOURLY, DAY), Stopwatch.SLOW,
						() -> this.performance.summaries(null, last(DAY)).size(),
						ServiceHttp.graphqlBody(GraphQlDocuments.RANKING, Map.of()), ReadCase.Target.timescale(66, 1.15, null)));
	}

	private static Window last(Duration size) {
		Instant now = Instant.now();
		return new Window(now.minus(size), now);
	}

	/**
	 * A raw read over the window {@code [now - size, now)} aligned to the aggregate's buckets as
	 * the API aligns it; reads every column of every row, as a mapper would.
	 */
	private ReadCase.Read raw(String sql, AggregateName aggregate, Duration size) {
		return () -> {
			Instant now = Instant.now();
			var definition = this.engine.definition(aggregate);
			var statement = this.jdbc.sql(sql)
				.param("from", AggregateEngine.ceil(definition, now.minus(size)))
				.param("to", AggregateEngine.ceil(definition, now));
			if (sql.contains(":well")) {
				statement = statement.param("well", this.well);
			}
			int[] rows = { 0 };
			statement.query((ResultSet rs) -> {
				int columns = rs.getMetaData().getColumnCount();
				for (int i = 1; i <= columns; i++) {
					rs.getObject(i);
				}
				rows[0]++;
			});
			return rows[0];
		};
	}

}
