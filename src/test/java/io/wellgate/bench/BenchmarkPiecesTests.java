package io.wellgate.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.demo.DemoWell;
import io.wellgate.demo.FleetGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark's own pieces, run as {@code ./mvnw -Pbench verify} runs them but at a tiny size
 * (3 wells, hours to 2 days) on services of their own: the fleet goes in over HTTP per well and
 * field-shaped, both COPY controls write every row, each measured read answers the same rows from
 * raw SQL as through the aggregates, and the field's figures (minute batches, small writes, the
 * steady-state writer, the token's cost) come out with every request answered. Correctness only:
 * nothing here asserts a time. Each test writes wells of its own (an id prefix), as the suite
 * shares one database.
 */
class BenchmarkPiecesTests {

	private static final int WELLS = 3;

	private static BenchService service;

	private static ServiceHttp http;

	@BeforeAll
	static void startService() throws Exception {
		service = BenchService.start(BenchSettings.tiny(WELLS, 2, 7L));
		http = new ServiceHttp("http://127.0.0.1:" + service.port());
	}

	@AfterAll
	static void stopService() throws Exception {
		service.close();
	}

	@Test
	void theFleetLoadsAndEveryMeasuredReadAgreesRawAndFromTheAggregates() throws Exception {
		BenchSettings settings = BenchSettings.tiny(WELLS, 2, 7L);
		// A service and database of its own: the raw fleet reads read every well in the table.
		try (BenchService alone = BenchService.start(settings)) {
			FleetBodies fleet = new FleetBodies(new FleetGenerator(settings.seed(), settings.wells()));
			Ingest ingest = new Ingest(fleet, new ServiceHttp("http://127.0.0.1:" + alone.port()), alone.bean(DataSource.class));
			Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
			Instant oldest = now.minus(Duration.ofDays(settings.days()));

			assertThat(ingest.overHttp(oldest, now).samples()).isEqualTo(settings.samples());
			assertThat(ingest.withCopy(oldest, now, false).samples()).isEqualTo(settings.samples());
			assertThat(ingest.withCopy(oldest, now, true).samples()).isEqualTo(settings.samples());

			alone.bean(AggregateEngine.class).refreshAll(null, null, null);
			List<String> wells = fleet.wells().stream().map(DemoWell::id).toList();
			List<ReadCase> cases = new Reads(alone, wells).cases();
			assertThat(cases).hasSize(7);
			for (ReadCase read : cases) {
				assertThat(read.raw().rows()).as(read.name()).isPositive().isEqualTo(read.aggregates().rows());
			}
		}
	}

	@Test
	void theBenchmarksServiceRunsWithThePoolsSessionSettings() {
		// The statement counter wraps the DataSource; the pool must still have been given its settings.
		assertThat(service.jdbc().sql("SHOW jit").query(String.class).single()).isEqualTo("off");
		assertThat(service.jdbc().sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_generic_plan");
	}

	@Test
	void aFieldShapedBodyHoldsEveryWellAtEachMinuteInTimeOrder() {
		FleetBodies fleet = new FleetBodies(new FleetGenerator(7L, WELLS), "order-");
		Instant end = Instant.parse("2026-03-01T12:00:00Z");
		List<String> lines = new String(fleet.minutes(end.minus(Duration.ofMinutes(5)), end), StandardCharsets.UTF_8).lines()
			.toList();

		assertThat(lines).hasSize(5 * WELLS);
		Map<String, List<String>> wellsByMinute = new LinkedHashMap<>();
		for (String line : lines) {
			String time = line.replaceAll(".*\"time\":\"([^\"]+)\".*", "$1");
			String well = line.replaceAll(".*\"wellId\":\"([^\"]+)\".*", "$1");
			wellsByMinute.computeIfAbsent(time, t -> new java.util.ArrayList<>()).add(well);
		}
		assertThat(List.copyOf(wellsByMinute.keySet())).isSorted().hasSize(5).last().isEqualTo(end.toString());
		assertThat(wellsByMinute.values()).allSatisfy(wells -> assertThat(wells).containsExactlyElementsOf(fleet.ids()));
	}

	@Test
	void theFieldShapedLoadWritesEveryRowOfTheFleet() {
		FleetBodies fleet = new FleetBodies(new FleetGenerator(7L, WELLS), "field-load-");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		// Not a whole number of hours: the last request holds the remaining minutes.
		Instant oldest = now.minus(Duration.ofMinutes(150));

		Ingest.Rate rate = new Ingest(fleet, http, service.bean(DataSource.class)).fieldShaped(oldest, now);

		assertThat(rate.samples()).isEqualTo(WELLS * 150L);
		assertThat(storedSamples(fleet.ids())).isEqualTo(WELLS * 150L);
	}

	@Test
	void minuteBatchesReplaceStoredSamplesAndSmallWritesAreAllAccepted() throws Exception {
		BenchSettings settings = BenchSettings.tiny(WELLS, 1, 11L);
		FleetBodies fleet = new FleetBodies(new FleetGenerator(settings.seed(), WELLS), "minute-batch-");
		FleetBodies variant = new FleetBodies(new FleetGenerator(settings.seed() + 1, WELLS), "minute-batch-");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		new Ingest(fleet, http, service.bean(DataSource.class)).fieldShaped(now.minus(Duration.ofHours(2)), now);

		MinuteBatches.Result result = new MinuteBatches(http).measure(WELLS, MinuteBatches.newestHour(variant, now), fleet, now,
				service.bean(AggregateEngine.class));

		assertThat(result.resent().runs()).isEqualTo(MinuteBatches.RUNS);
		long newSamples = (result.newMinutes() == null) ? 0 : (long) result.newMinutes().runs() * WELLS;
		assertThat(storedSamples(fleet.ids())).as("re-sent minutes replace, they do not add").isEqualTo(WELLS * 120L + newSamples);
		// Refreshed after each batch: what stays logged is the open day's, which telemetry_daily keeps
		// pending until the day ends (one row per well); 3 rows per well and batch without the refreshes.
		assertThat(pendingInvalidations(fleet.ids())).as("each batch is refreshed before the next, as in the field")
			.isLessThanOrEqualTo(WELLS);

		List<String> samples = MinuteBatches.samples(variant, now, 1000);
		assertThat(samples).hasSize(60 * WELLS).allSatisfy(body -> assertThat(body).doesNotContain("\n"));
		Throughput.Result small = Throughput.measure(http.base(), samples, Throughput.Load.SMALL_WRITES.lasting(1, 2));
		assertThat(small.requests()).isPositive();
		assertThat(small.errors()).isZero();
		assertThat(small.timeouts()).isZero();
	}

	@Test
	void theSteadyStateWriterSendsMinuteBatchesAndRefreshesWithoutAFailure() throws Exception {
		FleetBodies fleet = new FleetBodies(new FleetGenerator(13L, WELLS), "steady-");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		new Ingest(fleet, http, service.bean(DataSource.class)).fieldShaped(now.minus(Duration.ofHours(1)), now);

		FieldWriter.Result result;
		try (FieldWriter writer = FieldWriter.start(new MinuteBatches(http), MinuteBatches.newestHour(fleet, now), WELLS,
				Duration.ofMillis(100), service.bean(AggregateEngine.class), Duration.ofMillis(300))) {
			// Waits for work done, not for a time; the deadline only keeps a broken writer from hanging the build.
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while ((writer.sent() < 10 || writer.refreshed() < 2) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			result = writer.stop();
		}

		assertThat(result.firstFailure()).isNull();
		assertThat(result.failedBatches()).isZero();
		assertThat(result.failedRefreshes()).isZero();
		assertThat(result.batch().runs()).isGreaterThanOrEqualTo(10);
		assertThat(result.refresh().runs()).isGreaterThanOrEqualTo(2);
		assertThat(storedSamples(fleet.ids())).isEqualTo(WELLS * 60L);
	}

	@Test
	void theSameReadIsTimedWithAndWithoutABearerToken() throws Exception {
		FleetBodies fleet = new FleetBodies(new FleetGenerator(17L, 1), "auth-");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		new Ingest(fleet, http, service.bean(DataSource.class)).fieldShaped(now.minus(Duration.ofHours(2)), now);
		String body = ServiceHttp.graphqlBody(GraphQlDocuments.oneWell(GraphQlDocuments.HOURLY_FIELDS),
				Map.of("id", fleet.ids().get(0)));

		RemoteHttp.Auth auth = new RemoteHttp(http.base(), 1).auth(body, 20, BenchService.API_KEY);

		assertThat(auth.anonymous().runs()).isEqualTo(20);
		assertThat(auth.bearer().runs()).isEqualTo(20);
	}

	/** wrk where Debian's package is installed (CI installs it); the JVM client everywhere. */
	@ParameterizedTest
	@EnumSource(Throughput.Client.class)
	void eitherLoadClientCountsTheAnswersAndEveryGraphQlErrorAsAnError(Throughput.Client client) throws Exception {
		assumeTrue(client != Throughput.Client.WRK || WrkLoad.installed(), "wrk is not installed");
		String good = ServiceHttp.graphqlBody(GraphQlDocuments.RANKING, Map.of());
		String bad = ServiceHttp.graphqlBody("{ wells(first: 1) { edges { node { noSuchField } } } }", Map.of());

		Throughput.Result clean = Throughput.measure(http.base(), List.of(good), Throughput.Load.DASHBOARD.lasting(1, 2),
				client);
		Throughput.Result half = Throughput.measure(http.base(), List.of(good, bad), Throughput.Load.DASHBOARD.lasting(1, 2),
				client);

		assertThat(clean.client()).isEqualTo(client);
		assertThat(clean.requests()).isPositive();
		assertThat(clean.errors()).isZero();
		assertThat(clean.firstErrors()).isEmpty();
		assertThat(clean.p50()).isPositive();
		assertThat(half.errors()).as("the bad query's answers, about half").isPositive().isLessThan(half.requests());
		assertThat(half.firstErrors()).isNotEmpty().allSatisfy(error -> assertThat(error).startsWith("HTTP ").contains("noSuchField"));
	}

	@Test
	void aServerChoiceOfUrlNeedsAUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BenchSettings(3, 1, 7L, null, null, null, BenchSettings.Server.URL, BenchSettings.Load.FIELD, 0))
			.withMessageContaining("bench.server=url needs bench.url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BenchSettings(3, 1, 7L, "jdbc:postgresql://127.0.0.1/x", null, null,
					BenchSettings.Server.SYSTEM, BenchSettings.Load.FIELD, 0))
			.withMessageContaining("bench.url needs bench.server=url");
	}

	private static long pendingInvalidations(List<String> wells) {
		return service.jdbc()
			.sql("SELECT count(*) FROM aggregate_invalidations WHERE well_id IN (:wells)")
			.param("wells", wells)
			.query(Long.class)
			.single();
	}

	private static long storedSamples(List<String> wells) {
		return service.jdbc()
			.sql("""
					SELECT count(*)
					FROM esp_telemetry
					WHERE well_id IN (:wells)
					""")
			.param("wells", wells)
			.query(Long.class)
			.single();
	}

}
