package io.wellgate.aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The continuous aggregate engine: incremental refresh of the four aggregates from the
 * invalidation log, and the always-exact bucket reads the API is built on.
 * <p>
 * The rules, for every aggregate alike: a bucket below the watermark is materialized unless an
 * invalidation is pending for it; every change to a raw table is logged (statement triggers), so
 * a refresh recomputes exactly the (well, bucket) pairs that changed and nothing else; a read
 * takes materialized buckets where nothing is pending and aggregates the rest from raw rows, in
 * one statement.
 */
@Component
public class AggregateEngine implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AggregateEngine.class);

	/**
	 * The advisory lock key of one aggregate's refresh, {@code :name} its name: refreshes of an
	 * aggregate, on any instance, and raw retention exclude each other by it.
	 */
	static final String REFRESH_LOCK = "hashtext('wellgate.refresh.' || :name)";

	/** A refresh's first read: the state of the aggregate {@code :name}, no row if another refresh holds it. */
	static final String REFRESH_STATE = SqlTemplate.of("""
			SELECT watermark = '-infinity' AS first,
			       CASE WHEN watermark = '-infinity' THEN NULL ELSE watermark END AS watermark,
			       CASE WHEN raw_horizon = '-infinity' THEN NULL ELSE raw_horizon END AS horizon,
			       set_config('synchronous_commit', 'off', true)
			FROM aggregate_state
			WHERE name = :name
			  AND pg_try_advisory_xact_lock({{refreshLock}})
			FOR UPDATE
			""").with("refreshLock", REFRESH_LOCK).sql();

	private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private final Map<AggregateName, AggregateDefinition> definitions = new EnumMap<>(AggregateName.class);

	private final Map<AggregateName, AggregateSql> sql = new EnumMap<>(AggregateName.class);

	// A watermark each aggregate is known to have reached: raised after a refresh commits, never
	// above the stored one (only a rebuild lowers that, before any read, in the constructor).
	private final Map<AggregateName, OffsetDateTime> reached = new ConcurrentHashMap<>();

	// Refreshes of different aggregates touch different tables and log rows: refreshAll runs them
	// side by side, as the scheduled policies do.
	private final ExecutorService refreshers;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AggregateEngine(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			AggregateProperties properties) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		for (AggregateDefinition definition : AggregateDefinitions.all(properties.breach())) {
			this.definitions.put(definition.aggregate(), definition);
			this.sql.put(definition.aggregate(), new AggregateSql(definition));
		}
		if (this.definitions.size() != AggregateName.values().length) {
			throw new IllegalStateException("an aggregate has no definition: " + this.definitions.keySet());
		}
		this.definitions.values().forEach(this::register);
		AtomicInteger threads = new AtomicInteger();
		this.refreshers = Executors.newFixedThreadPool(
				Math.min(this.definitions.size(), Math.max(2, Runtime.getRuntime().availableProcessors())), task -> {
					Thread thread = new Thread(task, "wellgate-refresh-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.jdbc.sql("SELECT name, watermark FROM aggregate_state WHERE watermark > '-infinity'")
			.query((rs, i) -> Map.entry(rs.getString("name"), rs.getObject("watermark", OffsetDateTime.class)))
			.list()
			.forEach(entry -> AggregateName.of(entry.getKey()).ifPresent(name -> this.reached.put(name, entry.getValue())));
	}

	public List<AggregateDefinition> definitions() {
		return List.copyOf(this.definitions.values());
	}

	public AggregateDefinition definition(AggregateName name) {
		return this.definitions.get(name);
	}

	/**
	 * Refreshes everything pending of one aggregate and materializes the buckets started since
	 * its last refresh (only those completed, when it keeps its open bucket real time); with
	 * {@code from}/{@code to}, also recomputes every bucket starting in that range from raw rows.
	 */
	public RefreshResult refresh(AggregateName name, Instant from, Instant to) {
		AggregateDefinition definition = definition(name);
		long started = System.nanoTime();
		try {
			RefreshResult result = this.transaction.execute(status -> refreshInTransaction(definition, from, to, started));
			if (result.ran()) {
				this.reached.merge(name, result.watermark(), (known, now) -> now.isAfter(known) ? now : known);
				log.debug("Refreshed {}: {}", name, result.outcome());
			}
			return result;
		}
		catch (RuntimeException ex) {
			double millis = (System.nanoTime() - started) / 1e6;
			log.error("Refresh of {} failed after {} ms; it will be retried by the next run", name, millis, ex);
			this.jdbc.sql("""
					UPDATE aggregate_state
					SET last_refresh_at = now(),
					    last_refresh_millis = :millis,
					    last_refresh_outcome = 'failed: see the service log'
					WHERE name = :name
					""").param("millis", millis).param("name", name.id()).update();
			throw ex;
		}
	}

	private RefreshResult refreshInTransaction(AggregateDefinition definition, Instant from, Instant to, long started) {
		String name = definition.name();
		// Several instances may share the database: one refresh of an aggregate at a time. No row
		// means another refresh holds the lock. A refresh writes only derived data (buckets, and the
		// wells' spans), atomically with the log rows it consumes: if a crash loses its commit, the
		// log rows are back and the next refresh redoes it, so its commit need not wait for the disk.
		State state = this.jdbc.sql(REFRESH_STATE).param("name", name).query((rs, i) -> new State(rs.getBoolean("first"),
					rs.getObject("watermark", OffsetDateTime.class), rs.getObject("horizon", OffsetDateTime.class)))
			.optional()
			.orElse(null);
		if (state == null) {
			return new RefreshResult(name, false, 0, 0, null, (System.nanoTime() - started) / 1e6);
		}
		OffsetDateTime previous = state.watermark();
		// Up to the end of the open bucket, or its start when the open bucket stays real time.
		Instant now = this.clock.instant();
		OffsetDateTime watermark = definition.materializesOpenBucket() ? ceil(definition, now) : floor(definition, now);
		if (previous != null && previous.isAfter(watermark)) {
			watermark = previous;
		}
		// Raw buckets to add: all of them below the watermark on a first build, a requested range
		// (capped at the watermark) otherwise, or none.
		OffsetDateTime rangeFrom = watermark;
		OffsetDateTime rangeTo = watermark;
		if (state.first()) {
			rangeFrom = BEGINNING;
		}
		else if (from != null && to != null) {
			OffsetDateTime rangeEnd = ceil(definition, to);
			rangeFrom = ceil(definition, from);
			rangeTo = rangeEnd.isBefore(watermark) ? rangeEnd : watermark;
		}
		int[] counts = this.jdbc.sql(this.sql.get(definition.aggregate()).refresh())
			.param("name", name)
			.param("watermark", watermark)
			.param("rangeFrom", rangeFrom)
			.param("rangeTo", rangeTo)
			.param("horizon", (state.horizon() != null) ? state.horizon() : BEGINNING)
			.query((rs, i) -> new int[] { rs.getInt("written"), rs.getInt("replaced") })
			.single();
		double millis = (System.nanoTime() - started) / 1e6;
		RefreshResult result = new RefreshResult(name, true, counts[1], counts[0], watermark, millis);
		this.jdbc.sql("""
				UPDATE aggregate_state
				SET watermark = :watermark,
				    last_refresh_at = now(),
				    last_refresh_millis = :millis,
				    last_refresh_outcome = :outcome
				WHERE name = :name
				""")
			.param("watermark", watermark)
			.param("millis", millis)
			.param("outcome", result.outcome())
			.param("name", name)
			.update();
		return result;
	}

	/**
	 * Refreshes every aggregate, or the one named: each in its own transaction, at the same time
	 * (up to the machine's cores). Every refresh runs to its end even when another fails; the
	 * first failure is then thrown.
	 */
	public List<RefreshResult> refreshAll(AggregateName name, Instant from, Instant to) {
		List<CompletableFuture<RefreshResult>> refreshes = new ArrayList<>();
		for (AggregateName aggregate : this.definitions.keySet()) {
			if (name == null || name == aggregate) {
				refreshes.add(CompletableFuture.supplyAsync(() -> refresh(aggregate, from, to), this.refreshers));
			}
		}
		List<RefreshResult> results = new ArrayList<>();
		RuntimeException failure = null;
		for (CompletableFuture<RefreshResult> refresh : refreshes) {
			try {
				results.add(refresh.join());
			}
			catch (CompletionException ex) {
				if (failure == null) {
					failure = (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		return results;
	}

	@Override
	public void destroy() {
		this.refreshers.shutdownNow();
	}

	/**
	 * The SQL of an exact bucket read: rows of {@code (well_id, bucket, parts...)} for buckets
	 * starting in {@code [:from, :to)} (aligned with {@link #ceil}), for {@code :wells} (a text
	 * array) or for all wells; {@link #bindWindow} binds the window.
	 */
	public String exactBuckets(AggregateName name, boolean allWells) {
		return this.sql.get(name).exactBuckets(allWells);
	}

	/**
	 * The SQL of an exact read of totals over a window: like {@link #exactBuckets}, but the
	 * materialized buckets come summed per well, so the answer's parts summed per well are the
	 * window's totals. Only for an aggregate whose parts are all counts and sums.
	 */
	public String exactTotals(AggregateName name, boolean allWells) {
		return this.sql.get(name).exactTotals(allWells);
	}

	/**
	 * Binds the window parameters of an {@link #exactBuckets exact read} of {@code name}:
	 * {@code :from} and {@code :to} aligned to its buckets (a bucket is in the window when its start
	 * is), and {@code :tail}.
	 */
	public JdbcClient.StatementSpec bindWindow(JdbcClient.StatementSpec statement, AggregateName name, Instant from,
			Instant to) {
		AggregateDefinition definition = definition(name);
		OffsetDateTime alignedFrom = ceil(definition, from);
		return statement.param("from", alignedFrom).param("to", ceil(definition, to)).param("tail", tailFrom(name, alignedFrom));
	}

	/**
	 * The {@code :tail} of an {@link #exactBuckets exact read} starting at {@code from}: where
	 * its raw tail may start at the earliest, {@code from} or a watermark the aggregate is known to
	 * have reached, whichever is later. The read still takes the stored watermark as the tail's
	 * start; this bound only lets the cached plan skip the raw partitions below it.
	 */
	public OffsetDateTime tailFrom(AggregateName name, OffsetDateTime from) {
		OffsetDateTime reached = this.reached.get(name);
		return (reached == null || reached.isBefore(from)) ? from : reached;
	}

	/** The start of the bucket that contains {@code instant}. */
	public static OffsetDateTime floor(AggregateDefinition definition, Instant instant) {
		long width = definition.width().toSeconds();
		long seconds = Math.floorDiv(instant.getEpochSecond(), width) * width;
		return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
	}

	/** The first bucket start at or after {@code instant}. */
	public static OffsetDateTime ceil(AggregateDefinition definition, Instant instant) {
		OffsetDateTime floor = floor(definition, instant);
		return floor.toInstant().equals(instant) ? floor : floor.plus(definition.width());
	}

	/**
	 * Registers the aggregate so that the triggers log changes for it. A definition that changed
	 * since its buckets were materialized (new breach thresholds) makes them stale: they are
	 * rebuilt from the raw rows still kept.
	 */
	private void register(AggregateDefinition definition) {
		String fingerprint = definition.fingerprint();
		String stored = this.jdbc.sql("""
				INSERT INTO aggregate_state (name, source, fingerprint)
				VALUES (:name, :source, :fingerprint)
				ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
				RETURNING fingerprint
				""")
			.param("name", definition.name())
			.param("source", definition.source())
			.param("fingerprint", fingerprint)
			.query(String.class)
			.single();
		if (!fingerprint.equals(stored)) {
			log.warn("The definition of {} changed; its buckets will be rebuilt from the raw rows", definition.name());
			this.transaction.executeWithoutResult(status -> {
				// Its log stays: the first build consumes it with everything else (and so moves the
				// spans it holds into the registry, for the aggregate that keeps them).
				this.jdbc.sql("DELETE FROM " + definition.name()).update();
				this.jdbc.sql("""
						UPDATE aggregate_state
						SET fingerprint = :fingerprint, watermark = '-infinity'
						WHERE name = :name
						""").param("fingerprint", fingerprint).param("name", definition.name()).update();
			});
		}
	}

	private record State(boolean first, OffsetDateTime watermark, OffsetDateTime horizon) {
	}

}
