package io.wellgate.aggregate;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wellgate.analytics.HourlyBucket;
import io.wellgate.analytics.TelemetryQueries;
import io.wellgate.analytics.Window;
import io.wellgate.ingest.BulkWriter;
import io.wellgate.ingest.ParsedRow;
import io.wellgate.telemetry.TelemetrySchema;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's operational promises: it rewrites only what changed, one refresh of an aggregate
 * runs at a time, a killed refresh leaves everything correct, and retention keeps the history.
 */
// No scheduled refreshes: each test decides when a refresh runs, and one running on its own
// would take the aggregate's lock from under the test.
@SpringBootTest(properties = { "wellgate.aggregates.hourly-refresh=0s", "wellgate.aggregates.daily-refresh=0s" })
class AggregateEngineTests {

	static final AggregateName HOURLY = AggregateName.TELEMETRY_HOURLY;

	@Autowired
	AggregateEngine engine;

	@Autowired
	AggregateRetention retention;

	@Autowired
	BulkWriter writer;

	@Autowired
	TelemetryQueries telemetry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	String a;

	String b;

	Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(6, ChronoUnit.HOURS);

	@BeforeEach
	void setUp() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.a = "eng-" + run + "-a";
		this.b = "eng-" + run + "-b";
	}

	@Test
	void onlyTheInvalidatedWellsBucketsAreRewritten() {
		write(this.a, this.start, 300, 1.0);
		write(this.b, this.start, 300, 1.0);
		this.engine.refresh(HOURLY, null, null);
		Map<String, String> before = versions();

		write(this.a, this.start.plus(90, ChronoUnit.MINUTES).plusSeconds(7), 1, 99.0);
		this.engine.refresh(HOURLY, null, null);
		Map<String, String> after = versions();

		assertThat(after.keySet()).isEqualTo(before.keySet());
		List<String> rewritten = after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).toList();
		assertThat(rewritten).containsExactly(this.a + " " + this.start.plus(1, ChronoUnit.HOURS));
	}

	@Test
	void theTailBoundOfReadsFollowsTheStoredWatermarkAndNeverPassesIt() {
		OffsetDateTime longAgo = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		write(this.a, this.start, 90, 4.0);
		RefreshResult result = this.engine.refresh(HOURLY, null, null);
		OffsetDateTime stored = this.jdbc.sql("SELECT watermark FROM aggregate_state WHERE name = :name")
			.param("name", HOURLY.id())
			.query(OffsetDateTime.class)
			.single();

		assertThat(this.engine.tailFrom(HOURLY, longAgo)).isEqualTo(stored).isEqualTo(result.watermark());
		// A window starting after the watermark starts its tail at its own start.
		OffsetDateTime later = stored.plusHours(2);
		assertThat(this.engine.tailFrom(HOURLY, later)).isEqualTo(later);
		assertExact(this.a);
	}

	@Test
	void theOpenHourIsMaterializedAndWhatChangesInItLaterIsPendingUntilTheNextRefresh() {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		write(this.a, hour, 1, 5.0);

		RefreshResult first = this.engine.refresh(HOURLY, null, null);

		assertThat(first.watermark().toInstant()).isAfter(hour);
		assertThat(materializedSamples(this.a, hour)).isEqualTo(1);
		assertThat(pendingFor(this.a)).isZero();

		// A re-sent sample of the open hour: the materialized bucket is stale, the read is not.
		write(this.a, hour, 1, 8.0);
		assertThat(pendingFor(this.a)).isPositive();
		assertExact(this.a);

		this.engine.refresh(HOURLY, null, null);
		assertThat(pendingFor(this.a)).isZero();
		assertThat(this.jdbc.sql("SELECT flow_rate_sum FROM telemetry_hourly WHERE well_id = :w AND bucket = :b")
			.param("w", this.a)
			.param("b", utc(hour))
			.query(Double.class)
			.single()).isEqualTo(8.0);
		assertExact(this.a);
	}

	@Test
	void totalsAreOnlyReadFromAggregatesOfCountsAndSums() {
		assertThat(this.engine.exactTotals(AggregateName.WELL_PERFORMANCE_HOURLY, true)).contains("GROUP BY m.well_id");
		// Medians and minimums of buckets do not add up to the window's.
		assertThatThrownBy(() -> this.engine.exactTotals(AggregateName.TELEMETRY_DAILY, true))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("telemetry_daily");
	}

	@Test
	void refreshAllRefreshesEveryAggregateAtOnceAndAnswersInDefinitionOrder() {
		write(this.a, this.start, 180, 6.0);

		List<RefreshResult> results = this.engine.refreshAll(null, null, null);

		assertThat(results).extracting(RefreshResult::aggregate)
			.containsExactlyElementsOf(this.engine.definitions().stream().map(AggregateDefinition::name).toList());
		assertThat(results).allMatch(RefreshResult::ran);
		assertThat(pendingFor(this.a)).isZero();
		assertExact(this.a);
	}

	@Test
	void changesPastTheWatermarkAreKeptAsOneLogRowPerWell() {
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
		for (int i = 0; i < 3; i++) {
			write(this.a, today.plusSeconds(i), 1, 1.0);
			this.engine.refresh(AggregateName.TELEMETRY_DAILY, null, null);
		}

		// Today is past the daily watermark: its changes wait for the day to end, in one row.
		assertThat(this.jdbc.sql("""
				SELECT count(*)
				FROM aggregate_invalidations
				WHERE aggregate = 'telemetry_daily' AND well_id = :w
				""").param("w", this.a).query(Integer.class).single()).isEqualTo(1);
		assertExact(this.a);
	}

	@Test
	void aRefreshRunningElsewhereIsNotRunTwice() throws Exception {
		try (Connection other = this.dataSource.getConnection(); Statement statement = other.createStatement()) {
			other.setAutoCommit(false);
			statement.execute("SELECT pg_advisory_xact_lock(hashtext('wellgate.refresh." + HOURLY.id() + "'))");

			RefreshResult skipped = this.engine.refresh(HOURLY, null, null);

			assertThat(skipped.ran()).isFalse();
			other.rollback();
		}
		assertThat(this.engine.refresh(HOURLY, null, null).ran()).isTrue();
	}

	@Test
	void concurrentRefreshesFromTwoThreadsLeaveTheAggregateExact() throws Exception {
		write(this.a, this.start, 200, 2.0);
		List<CompletableFuture<List<RefreshResult>>> threads = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			threads.add(CompletableFuture.supplyAsync(() -> {
				List<RefreshResult> results = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					results.add(this.engine.refresh(HOURLY, null, null));
				}
				return results;
			}));
		}
		for (CompletableFuture<List<RefreshResult>> thread : threads) {
			assertThat(thread.get(2, TimeUnit.MINUTES)).hasSize(10);
		}
		assertExact(this.a);
		assertThat(pendingFor(this.a)).as("pending below the watermark").isZero();
	}

	@Test
	void aRefreshKilledMidwayLeavesEverythingCorrectAndTheNextOneCompletes() throws Exception {
		write(this.a, this.start, 300, 3.0);
		this.engine.refresh(HOURLY, null, null);
		write(this.a, this.start.plus(30, ChronoUnit.MINUTES).plusSeconds(11), 1, 42.0);
		CompletableFuture<RefreshResult> refresh;
		try (Connection blocker = this.dataSource.getConnection(); Statement statement = blocker.createStatement()) {
			blocker.setAutoCommit(false);
			// Holding the bucket's row makes the refresh stop in the middle, after it consumed the log.
			statement.execute("SELECT * FROM telemetry_hourly WHERE well_id = '" + this.a + "' FOR UPDATE");
			refresh = CompletableFuture.supplyAsync(() -> this.engine.refresh(HOURLY, null, null));
			List<Integer> killed = List.of();
			for (int i = 0; i < 200 && killed.isEmpty(); i++) {
				Thread.sleep(50);
				killed = this.jdbc.sql("""
						SELECT pid
						FROM pg_stat_activity
						WHERE wait_event_type = 'Lock'
						  AND query LIKE 'WITH consumed AS%'
						  AND pg_terminate_backend(pid)
						""").query(Integer.class).list();
			}
			assertThat(killed).hasSize(1);
			blocker.rollback();
			// The client can hear of the kill before the server process has exited and let go of its locks.
			for (int i = 0; i < 200 && this.jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
				.param("pid", killed.get(0))
				.query(Integer.class)
				.single() > 0; i++) {
				Thread.sleep(50);
			}
		}
		assertThatThrownBy(() -> refresh.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class);
		assertThat(pendingFor(this.a)).as("the killed refresh gave its invalidation back").isPositive();
		assertExact(this.a);

		assertThat(this.engine.refresh(HOURLY, null, null).ran()).isTrue();
		assertThat(pendingFor(this.a)).isZero();
		assertExact(this.a);
	}

	@Test
	void retentionDropsRawDaysButTheAggregatesKeepThem() {
		Instant old = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(6, ChronoUnit.HOURS);
		write(this.a, old, 120, 5.0);
		Window window = new Window(old.minus(1, ChronoUnit.HOURS), old.plus(3, ChronoUnit.HOURS));
		this.engine.refreshAll(null, null, null);
		List<HourlyBucket> before = this.telemetry.hourly(List.of(this.a), window);
		assertThat(before).hasSize(2);

		List<String> dropped = this.retention.apply();

		String partition = "esp_telemetry_p" + old.toString().substring(0, 10).replace("-", "");
		assertThat(dropped).contains(partition);
		assertThat(this.jdbc.sql("SELECT count(*) FROM esp_telemetry WHERE well_id = :w").param("w", this.a)
			.query(Integer.class).single()).isZero();
		assertThat(this.telemetry.hourly(List.of(this.a), window)).isEqualTo(before);

		// Late data into the dropped day must not replace the complete bucket with a partial one.
		write(this.a, old.plusSeconds(30), 1, 7.0);
		this.engine.refreshAll(null, null, null);
		assertThat(this.telemetry.hourly(List.of(this.a), window)).isEqualTo(before);
	}

	private void assertExact(String well) {
		// From before anything a test writes (this.start, or today's midnight) to after now.
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
		Instant from = (today.isBefore(this.start) ? today : this.start).minus(1, ChronoUnit.HOURS);
		Window window = new Window(from, Instant.now().plus(1, ChronoUnit.HOURS));
		List<HourlyBucket> actual = this.telemetry.hourly(List.of(well), window);
		List<Map<String, Object>> expected = this.jdbc.sql("""
				SELECT date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00') AS bucket, count(*) AS samples,
				       avg(flow_rate) AS avg
				FROM esp_telemetry
				WHERE well_id = :w
				GROUP BY 1
				ORDER BY 1
				""").param("w", well).query().listOfRows();
		assertThat(actual).hasSize(expected.size());
		for (int i = 0; i < actual.size(); i++) {
			assertThat((long) actual.get(i).samples()).isEqualTo(expected.get(i).get("samples"));
			assertThat(actual.get(i).flowRate().avg()).isCloseTo((Double) expected.get(i).get("avg"),
					org.assertj.core.api.Assertions.within(1e-9));
		}
	}

	private int pendingFor(String well) {
		return this.jdbc.sql("""
				SELECT count(*)
				FROM aggregate_invalidations i
				JOIN aggregate_state s ON s.name = i.aggregate
				WHERE i.aggregate = :name AND i.well_id = :w AND i.lo < s.watermark
				""").param("name", HOURLY.id()).param("w", well).query(Integer.class).single();
	}

	private int materializedSamples(String well, Instant bucket) {
		return this.jdbc.sql("SELECT samples FROM telemetry_hourly WHERE well_id = :w AND bucket = :b")
			.param("w", well)
			.param("b", utc(bucket))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Each materialized bucket of both wells with the transaction that last wrote it. */
	private Map<String, String> versions() {
		Map<String, String> versions = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT well_id, bucket, xmin::text AS version
				FROM telemetry_hourly
				WHERE well_id IN (:a, :b)
				ORDER BY well_id, bucket
				""").param("a", this.a).param("b", this.b).query((rs, i) -> versions.put(
					rs.getString("well_id") + " " + rs.getObject("bucket", OffsetDateTime.class).toInstant(),
					rs.getString("version"))).list();
		return versions;
	}

	private void write(String well, Instant from, int minutes, double flowRate) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < minutes; i++) {
			Instant time = from.plus(i, ChronoUnit.MINUTES);
			if (time.isAfter(Instant.now())) {
				break;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("wellId", well);
			row.put("time", time);
			row.put("flowRate", flowRate + i % 7);
			row.put("powerKw", 100.0);
			rows.add(row);
		}
		Iterator<Map<String, Object>> iterator = rows.iterator();
		long[] line = { 0 };
		this.writer.write(TelemetrySchema.TELEMETRY,
				() -> iterator.hasNext() ? new ParsedRow(++line[0], iterator.next(), false, List.of()) : null);
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
