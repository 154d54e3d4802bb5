package io.wellgate.bench;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.aggregate.RefreshResult;
import io.wellgate.demo.DemoWell;
import io.wellgate.demo.FleetGenerator;

/**
 * What an incremental refresh costs for 15 new minutes of the whole fleet: W x 15 samples land
 * in the last complete hour (re-sent with new values, so that they change already materialized
 * buckets, as late data does), then all four aggregates are refreshed. Repeated, each time with
 * other values, and summarized.
 */
final class RefreshProbe {

	private static final int REPEATS = 7;

	private static final Duration NEW_DATA = Duration.ofMinutes(15);

	private final BenchSettings settings;

	private final ServiceHttp http;

	private final AggregateEngine engine;

	RefreshProbe(BenchSettings settings, ServiceHttp http, AggregateEngine engine) {
		this.settings = settings;
		this.http = http;
		this.engine = engine;
	}

	/**
	 * @param total all four aggregates, one after the other, as {@code refreshAggregates} runs them
	 * @param perAggregate each aggregate's own refresh time (its {@code lastRefreshMillis})
	 * @param historyDays the days of raw history in the database at the time
	 */
	record Refresh(int historyDays, Timing total, Map<String, Timing> perAggregate) {
	}

	Refresh measure(int historyDays) {
		long[] totals = new long[REPEATS];
		Map<String, long[]> perAggregate = new LinkedHashMap<>();
		for (int repeat = 0; repeat < REPEATS; repeat++) {
			// Another seed: the same wells and minutes, other values.
			FleetBodies variant = new FleetBodies(new FleetGenerator(this.settings.seed() + 1 + repeat, this.settings.wells()));
			Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
			this.http.send(this.http.ingest(body(variant, hour.minus(NEW_DATA).minus(FleetBodies.STEP), hour.minus(FleetBodies.STEP))));
			long started = System.nanoTime();
			List<RefreshResult> results = this.engine.refreshAll(null, null, null);
			totals[repeat] = System.nanoTime() - started;
			for (RefreshResult result : results) {
				perAggregate.computeIfAbsent(result.aggregate(), name -> new long[REPEATS])[repeat] = (long) (result.millis() * 1e6);
			}
		}
		Map<String, Timing> timings = new LinkedHashMap<>();
		perAggregate.forEach((name, nanos) -> timings.put(name, Timing.of(nanos)));
		return new Refresh(historyDays, Timing.of(totals), timings);
	}

	/** Every well's minutes in {@code (after, upTo]}, one body. */
	private static byte[] body(FleetBodies bodies, Instant after, Instant upTo) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (DemoWell well : bodies.wells()) {
			body.writeBytes(bodies.ndjson(well, after, upTo));
		}
		return body.toByteArray();
	}

}
