package io.wellgate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.demo.DemoWell;
import io.wellgate.demo.FleetGenerator;

/**
 * {@code ./mvnw -Pbench verify}: what continuous aggregates buy, side by side. Starts the service
 * on the chosen server ({@code bench.server}), loads W wells x D days of one-minute telemetry as
 * the field sends it (or per well, {@code bench.load}), measures reads right after a refresh and
 * in the field's steady state, the minute batch, small writes, the soak and the cost of a token, and
 * writes every figure to {@code src/bench/results/<date>-<W>x<D>-<server>.json} and {@code .md}.
 * See the README's "Benchmark".
 */
public final class Benchmark {

	private static final Path RESULTS = Path.of("src", "bench", "results");

	/** How long no autovacuum worker must have run before reads are timed ({@link #settle}). */
	private static final Duration QUIET = Duration.ofSeconds(10);

	private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(10);

	private final BenchSettings settings;

	private final BenchService service;

	private final ServiceHttp http;

	private final long started = System.nanoTime();

	private Benchmark(BenchSettings settings, BenchService service) {
		this.settings = settings;
		this.service = service;
		this.http = new ServiceHttp("http://127.0.0.1:" + service.port());
	}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		progress("Benchmark of %d wells x %d days (%,d samples), seed %d, server %s%s, %s load, soak %d min", settings.wells(),
				settings.days(), settings.samples(), settings.seed(), settings.server().label(),
				settings.url() == null ? "" : " " + settings.url(), settings.load().name().toLowerCase(java.util.Locale.ROOT),
				settings.soakMinutes());
		try (BenchService service = BenchService.start(settings)) {
			new Benchmark(settings, service).run();
		}
		// The HTTP client's and the pool's threads would keep Maven waiting otherwise.
		System.exit(0);
	}

	private void run() throws Exception {
		FleetBodies fleet = new FleetBodies(new FleetGenerator(this.settings.seed(), this.settings.wells()));
		AggregateEngine engine = this.service.bean(AggregateEngine.class);
		Ingest ingest = new Ingest(fleet, this.http, this.service.bean(DataSource.class));
		RefreshProbe refreshProbe = new RefreshProbe(this.settings, this.http, engine);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Instant split = now.minus(Duration.ofDays(this.settings.firstDays()));
		Instant oldest = now.minus(Duration.ofDays(this.settings.days()));
		Report.Machine machine = machine();
		progress("PostgreSQL %s, %s; jit as shipped: %s, in wellgate's sessions: %s (pg_jit_available() as shipped: %s)", machine.postgres(),
				machine.database(), machine.jitAsShipped(), machine.jitInSessions(), machine.jitAvailable());

		// History in two steps, so that the refresh is measured over D/4 days and over D days; each
		// step in time order.
		progress("Loading the newest %d days over HTTP, %s", this.settings.firstDays(), loadName());
		Ingest.Rate recent = load(ingest, split, now);
		double firstRefresh = timeMillis(() -> engine.refreshAll(null, null, null));
		progress("Loaded %,d samples at %,.0f/s; first refresh %.1f s; measuring the refresh of 15 new minutes",
				recent.samples(), recent.perSecond(), firstRefresh / 1000);
		List<RefreshProbe.Refresh> refresh = new ArrayList<>();
		refresh.add(refreshProbe.measure(this.settings.firstDays()));
		progress("Loading the older %d days over HTTP, %s", this.settings.days() - this.settings.firstDays(), loadName());
		Ingest.Rate older = (split.isAfter(oldest)) ? load(ingest, oldest, split) : new Ingest.Rate(0, 0);
		double catchUpRefresh = timeMillis(() -> engine.refreshAll(null, null, null));
		progress("Loaded %,d samples at %,.0f/s; catch-up refresh %.1f s", older.samples(), older.perSecond(), catchUpRefresh / 1000);
		refresh.add(refreshProbe.measure(this.settings.days()));
		Ingest.Rate http = recent.plus(older);
		progress("Copying the same rows with a plain COPY, into an unindexed table and into an indexed one");
		Ingest.Rate copy = ingest.withCopy(oldest, now, false);
		Ingest.Rate indexedCopy = ingest.withCopy(oldest, now, true);
		progress("COPY: %,.0f rows/s, indexed %,.0f rows/s; HTTP: %,.0f samples/s", copy.perSecond(),
				indexedCopy.perSecond(), http.perSecond());
		Report.Ingestion ingestion = new Report.Ingestion(http, copy, indexedCopy, http.perSecond(), copy.perSecond(),
				http.perSecond() / copy.perSecond(), indexedCopy.perSecond(), http.perSecond() / indexedCopy.perSecond(),
				firstRefresh, catchUpRefresh, this.settings.load().name().toLowerCase(java.util.Locale.ROOT), null, 0, 0);

		progress("Waiting for autovacuum to finish with the loaded history before anything is timed");
		double settled = settle();
		progress("Autovacuum done after %.0f s", settled / 1000);

		List<String> wells = fleet.wells().stream().map(DemoWell::id).toList();
		Reads reads = new Reads(this.service, wells);
		List<ReadCase> cases = reads.cases();
		warmUp(cases);
		List<Measured> measured = new ArrayList<>();
		for (ReadCase read : cases) {
			measured.add(measure(read));
		}
		RemoteHttp remote = new RemoteHttp(this.http.base());
		progress("HTTP end to end, from a second JVM, after %d s of warm-up", RemoteHttp.WARMUP_SECONDS);
		List<String> bodies = cases.stream().map(ReadCase::httpBody).toList();
		List<Timing> httpTimings = remote.each(bodies, 50, 5);
		List<Report.ReadResult> results = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			progress("%-32s HTTP %7s ms (p50)", cases.get(i).name(), Markdown.ms(httpTimings.get(i).p50()));
			results.add(measured.get(i).withHttp(httpTimings.get(i)));
		}

		Map<String, String> dashboard = new LinkedHashMap<>();
		cases.stream().filter(c -> c.name().startsWith("one well") || c.name().contains("ranking"))
			.forEach(c -> dashboard.put(c.name(), c.httpBody()));
		progress("Dashboard load: %s at once, from a second JVM", dashboard.keySet());
		DashboardLoad.Result dashboardLoad = new DashboardLoad(remote, dashboard).measure();
		progress("Throughput: %d clients (%s)", Throughput.CLIENTS, Throughput.Client.chosen().label());
		Throughput.Result throughput = Throughput.measure(this.http.base(), List.copyOf(dashboard.values()));
		progress("%,.0f requests/s", throughput.requestsPerSecond());

		String oneWellHourly = cases.get(0).httpBody();
		progress("Authenticated against anonymous: %s, alternately over one kept-alive connection", cases.get(0).name());
		RemoteHttp.Auth auth = new RemoteHttp(this.http.base(), 10).auth(oneWellHourly, 500, BenchService.API_KEY);
		progress("anonymous p50 %s ms, with a bearer token %s ms: %+.3f ms", Markdown.ms(auth.anonymous().p50()),
				Markdown.ms(auth.bearer().p50()), auth.differenceMillis());

		MinuteBatches minuteBatches = new MinuteBatches(this.http);
		progress("One minute of the fleet (%d samples) in one request, on a quiet service", this.settings.wells());
		MinuteBatches.Result minuteBatch = minuteBatches.measure(this.settings.wells(),
				MinuteBatches.newestHour(MinuteBatches.variant(this.settings, 100), now), fleet, now, engine);
		progress("re-sent p50 %s ms, p99 %s ms; new minutes %s", Markdown.ms(minuteBatch.resent().p50()),
				Markdown.ms(minuteBatch.resent().p99()), minuteBatch.newMinutes() == null ? "not measured (fewer than 10 had passed)"
						: "p50 " + Markdown.ms(minuteBatch.newMinutes().p50()) + " ms over " + minuteBatch.newMinutes().runs());
		progress("Small requests: 1-sample NDJSON writes from %d clients", Throughput.CLIENTS);
		Throughput.Result small = Throughput.measure(this.http.base(), MinuteBatches.samples(MinuteBatches.variant(this.settings, 200), now, 6000),
				Throughput.Load.SMALL_WRITES);
		progress("%,.0f requests/s, %d errors", small.requestsPerSecond(), small.errors());
		engine.refreshAll(null, null, null);

		progress("Steady state: a minute batch of the fleet every second, all aggregates refreshed every %d s; the reads again",
				FieldWriter.REFRESH_PERIOD.toSeconds());
		List<byte[]> newestHour = MinuteBatches.newestHour(MinuteBatches.variant(this.settings, 300), now);
		Report.Steady steady;
		try (FieldWriter writer = FieldWriter.start(minuteBatches, newestHour, this.settings.wells(), Duration.ofSeconds(1),
				engine, FieldWriter.REFRESH_PERIOD)) {
			List<Timing> steadyHttp = remote.each(bodies, 50, 5);
			for (int i = 0; i < cases.size(); i++) {
				progress("%-32s HTTP %7s ms (p50), steady state", cases.get(i).name(), Markdown.ms(steadyHttp.get(i).p50()));
			}
			Throughput.Result steadyThroughput = Throughput.measure(this.http.base(), List.copyOf(dashboard.values()));
			steady = new Report.Steady(steadyHttp, steadyThroughput, writer.stop());
		}
		progress("%,.0f requests/s in the steady state; the writer's batches p50 %s ms, %d failed",
				steady.throughput().requestsPerSecond(), Markdown.ms(steady.writer().batch().p50()), steady.writer().failedBatches());

		Report.Soak soak = null;
		if (this.settings.soakMinutes() > 0) {
			progress("Soak: a minute batch of the fleet every 2 s while %d clients read the dashboard's queries for %d min",
					Throughput.CLIENTS, this.settings.soakMinutes());
			try (FieldWriter writer = FieldWriter.start(minuteBatches, newestHour, this.settings.wells(), Duration.ofSeconds(2),
					engine, FieldWriter.REFRESH_PERIOD)) {
				Throughput.Result readers = Throughput.measure(this.http.base(), List.copyOf(dashboard.values()),
						Throughput.Load.DASHBOARD.lasting(5, this.settings.soakMinutes() * 60));
				soak = new Report.Soak(this.settings.soakMinutes(), readers, writer.stop());
			}
			progress("Readers %,.0f requests/s, p99 %s ms, %d errors, %d time-outs; writer p50 %s ms, max %s ms, %d failed",
					soak.readers().requestsPerSecond(), Markdown.ms(soak.readers().p99()), soak.readers().errors(),
					soak.readers().timeouts(), Markdown.ms(soak.writer().batch().p50()), Markdown.ms(soak.writer().maxMillis()),
					soak.writer().failedBatches());
		}
		engine.refreshAll(null, null, null);

		Report.Statements statements = countStatements(dashboard);
		if (this.settings.load() == BenchSettings.Load.FIELD) {
			// Last: the scratch wells would otherwise be part of every fleet read and count.
			int backfillWells = Math.min(10, this.settings.wells());
			progress("Backfill: %d wells' whole history, one request per well, into scratch wells", backfillWells);
			Ingest.Rate backfill = ingest.backfillScratch(oldest, now, backfillWells);
			ingestion = ingestion.withBackfill(backfill, backfillWells);
			progress("%,.0f samples/s, %.2f of COPY", backfill.perSecond(), ingestion.backfillRatio());
		}
		Report report = new Report(LocalDate.now(ZoneOffset.UTC).toString(), machine, new Report.Fleet(this.settings.wells(),
				this.settings.days(), this.settings.seed(), this.settings.samples()), ingestion, results, dashboardLoad,
				throughput, refresh, statements, memory(), minuteBatch, small, steady, soak, auth, settled / 1000,
				(System.nanoTime() - this.started) / 60e9);
		write(report);
	}

	private Ingest.Rate load(Ingest ingest, Instant after, Instant upTo) {
		return (this.settings.load() == BenchSettings.Load.FIELD) ? ingest.fieldShaped(after, upTo) : ingest.overHttp(after, upTo);
	}

	private String loadName() {
		return (this.settings.load() == BenchSettings.Load.FIELD) ? "field-shaped (an hour of minute batches of the fleet per request)"
				: "backfill (one request per well)";
	}

	/**
	 * Waits until no autovacuum worker has run for {@link #QUIET} (at most {@link #SETTLE_AT_MOST}),
	 * and answers how long that took, ms. Loading the history (and the two COPY tables) leaves
	 * autovacuum analyzing and vacuuming the fresh partitions; on two cores that would share the
	 * machine with the first timed reads. A user's history was written long ago and vacuumed
	 * since; the steady state, later, times the reads with the autovacuum that minute batches cause.
	 * (It took 10-25 s on Debian 15 at 100 wells x 30 days; the first reads' slowness that led to it
	 * was the JIT's, see {@link HttpTimer#EACH_WARMUP_SENDS}.)
	 */
	private double settle() throws InterruptedException {
		long started = System.nanoTime();
		long quietSince = started;
		while (System.nanoTime() - started < SETTLE_AT_MOST.toNanos()) {
			Integer workers = this.service.jdbc()
				.sql("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND state IS DISTINCT FROM 'idle'")
				.query(Integer.class).single();
			long now = System.nanoTime();
			if (workers > 0) {
				quietSince = now;
			}
			else if (now - quietSince >= QUIET.toNanos()) {
				break;
			}
			Thread.sleep(500);
		}
		return (System.nanoTime() - started) / 1e6;
	}

	/**
	 * Several hundred of every aggregate read before anything is timed: the first ones run
	 * interpreted. (HTTP is warmed up by its own timer, in the second JVM.)
	 */
	private void warmUp(List<ReadCase> cases) throws Exception {
		progress("Warming up");
		for (ReadCase read : cases) {
			int rounds = read.rawStopwatch() == Stopwatch.FAST ? 300 : 10;
			for (int i = 0; i < rounds; i++) {
				read.aggregates().run();
			}
		}
	}

	/** A read measured in SQL, its HTTP figure still to come. */
	private record Measured(ReadCase read, int rows, int aggregateRows, Timing raw, Timing aggregates,
			ServerTime.Result serverRaw, ServerTime.Result serverAggregates) {

		Report.ReadResult withHttp(Timing http) {
			return new Report.ReadResult(this.read.name(), this.rows, this.aggregateRows, this.raw, this.aggregates, http,
					this.raw.p50() / this.aggregates.p50(), this.serverRaw, this.serverAggregates,
					this.serverRaw.total().p50() / this.serverAggregates.total().p50(), this.read.target());
		}

	}

	private Measured measure(ReadCase read) throws Exception {
		int rows = read.raw().rows();
		int aggregateRows = read.aggregates().rows();
		if (rows != aggregateRows) {
			progress("WARNING: %s: the raw read returned %d rows, the aggregate read %d", read.name(), rows, aggregateRows);
		}
		Timing raw = read.rawStopwatch().time(read.raw());
		Timing aggregates = Stopwatch.FAST.time(read.aggregates());
		ServerTime.Result serverRaw = serverTime(read.name() + ", raw", read.raw(), read.rawStopwatch());
		ServerTime.Result serverAggregates = serverTime(read.name() + ", aggregates", read.aggregates(), Stopwatch.FAST);
		progress("%-32s raw %8s  aggregates %7s ms (p50); on the server: raw %8s  aggregates %7s ms", read.name(),
				Markdown.ms(raw.p50()), Markdown.ms(aggregates.p50()), Markdown.ms(serverRaw.total().p50()),
				Markdown.ms(serverAggregates.total().p50()));
		return new Measured(read, rows, aggregateRows, raw, aggregates, serverRaw, serverAggregates);
	}

	/**
	 * The statement that one run of {@code read} sends, captured once and then timed on the server,
	 * with that run's window.
	 */
	private ServerTime.Result serverTime(String name, ReadCase.Read read, Stopwatch stopwatch) throws Exception {
		int[] rows = new int[1];
		StatementCounter.Captured statement = this.service.statements().capture(name, () -> rows[0] = read.rows());
		ServerTime.Result result = new ServerTime(this.service.bean(DataSource.class)).measure(statement, rows[0], stopwatch);
		progress("  %s: parameters %s", name, result.parameters());
		return result;
	}

	/** Statements one request runs: a fleet page of 10 wells against one of every well, and each dashboard query. */
	private Report.Statements countStatements(Map<String, String> dashboard) {
		StatementCounter counter = this.service.statements();
		Map<Integer, Long> pages = new LinkedHashMap<>();
		for (int first : List.of(Math.min(10, this.settings.wells()), this.settings.wells())) {
			HttpRequest page = this.http.graphql(GraphQlDocuments.FLEET_PAGE, Map.of("first", first));
			this.http.send(page);
			long before = counter.count();
			this.http.send(page);
			pages.put(first, counter.count() - before);
		}
		Map<String, Long> perQuery = new LinkedHashMap<>();
		dashboard.forEach((name, body) -> {
			HttpRequest request = this.http.graphql(body);
			long before = counter.count();
			this.http.send(request);
			perQuery.put(name, counter.count() - before);
		});
		progress("Statements per fleet page %s, per dashboard query %s", pages, perQuery);
		return new Report.Statements(pages, perQuery);
	}

	private Report.Machine machine() throws Exception {
		String postgres = this.service.jdbc().sql("SHOW server_version").query(String.class).single();
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
			.map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
		String jitInSessions = this.service.jdbc().sql("SHOW jit").query(String.class).single();
		PlainSession plain = plainSession();
		return new Report.Machine(Runtime.getRuntime().availableProcessors(), procKb("/proc/meminfo", "MemTotal:") / 1024.0 / 1024,
				cpu, System.getProperty("java.version"), postgres, database(), this.settings.server().label(),
				plain.jit(), jitInSessions, plain.jitAvailable());
	}

	/** The server in words, for the report's machine line. */
	private String database() throws IOException {
		return switch (this.settings.server()) {
			case EMBEDDED -> "embedded (zonky), started with the project's settings, fsync on";
			case SYSTEM -> "%s distribution build (%s), settings as shipped".formatted(distribution(), this.service.system().bin());
			case URL -> this.settings.url();
		};
	}

	private static String distribution() throws IOException {
		Path release = Path.of("/etc/os-release");
		if (!Files.isReadable(release)) {
			return "a";
		}
		return Files.readAllLines(release).stream().filter(l -> l.startsWith("NAME=")).map(l -> l.substring(5).replace("\"", ""))
			.map(name -> name.split(" ")[0]).findFirst().orElse("a");
	}

	/**
	 * @param jit {@code SHOW jit}
	 * @param jitAvailable {@code pg_jit_available()}: a JIT provider is loadable and {@code jit} is on
	 */
	private record PlainSession(String jit, boolean jitAvailable) {
	}

	/**
	 * The server's JIT in a plain session, opened outside the service's pool, so without the
	 * settings that the pool gives each of its sessions: as the server ships it.
	 */
	private PlainSession plainSession() throws Exception {
		HikariDataSource pool = this.service.bean(DataSource.class).unwrap(HikariDataSource.class);
		try (Connection plain = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				Statement statement = plain.createStatement();
				ResultSet jit = statement.executeQuery("SELECT current_setting('jit'), pg_jit_available()")) {
			jit.next();
			return new PlainSession(jit.getString(1), jit.getBoolean(2));
		}
	}

	/** The service's memory: it runs in this JVM; the embedded PostgreSQL is a process of its own. */
	private static Report.Memory memory() throws Exception {
		System.gc();
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return new Report.Memory(heap.getUsed() / 1048576.0, heap.getMax() / 1048576.0,
				procKb("/proc/self/status", "VmRSS:") / 1024.0);
	}

	private static long procKb(String file, String key) throws Exception {
		return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
			.mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
	}

	private void write(Report report) throws Exception {
		Files.createDirectories(RESULTS);
		String name = "%s-%dx%d-%s%s".formatted(report.date(), this.settings.wells(), this.settings.days(),
				this.settings.server().label(),
				"off".equalsIgnoreCase(System.getProperty("bench.cache", "on")) ? "-nocache" : "");
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(RESULTS.resolve(name + ".json"), json.writeValueAsString(report) + "\n");
		String markdown = Markdown.render(report);
		Files.writeString(RESULTS.resolve(name + ".md"), markdown);
		System.out.println();
		System.out.println(markdown);
		progress("Written to %s.{json,md}", RESULTS.resolve(name));
	}

	private static double timeMillis(Runnable task) {
		long started = System.nanoTime();
		task.run();
		return (System.nanoTime() - started) / 1e6;
	}

	private static void progress(String format, Object... args) {
		System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + format.formatted(args));
	}

}
