package io.wellgate.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change feed of this instance: one connection of its own that {@code LISTEN}s to
 * {@code wellgate_changes}, where the statement triggers ({@code changelog/0010-change-feed.sql})
 * say at commit which wells changed over which times. Whoever registers a listener gets every
 * batch, in commit order, on the feed's thread (so listeners must be quick).
 * <p>
 * When the connection drops (a database restart, a terminated backend), the feed logs and counts
 * the outage, reconnects with a doubling backoff, and once listening again hands every listener
 * an "everything may have changed" batch: what was committed meanwhile was never heard, so
 * every subscription is pushed and every cached answer dropped.
 */
final class ChangeFeed implements SmartLifecycle {

	static final String CHANNEL = "wellgate_changes";

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final LiveProperties properties;

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	private final List<Consumer<ChangeBatch>> listeners = new CopyOnWriteArrayList<>();

	private final Map<String, CompletableFuture<Void>> syncs = new ConcurrentHashMap<>();

	private final AtomicLong syncTokens = new AtomicLong();

	private final AtomicLong listenersAdded = new AtomicLong();

	private final Counter notifications;

	private final Counter outages;

	private final Timer lag;

	private final Timer outageTime;

	private volatile boolean running;

	private volatile boolean listening;

	private volatile Instant handlingSince;

	private volatile Connection connection;

	private Thread thread;

	ChangeFeed(DataSource dataSource, JdbcClient jdbc, LiveProperties properties, Clock clock, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.notifications = Counter.builder("wellgate.live.feed.notifications")
			.description("Notifications the change feed received (one per statement, more for large ones)")
			.register(meters);
		this.outages = Counter.builder("wellgate.live.feed.outages")
			.description("Times the change feed lost its database connection")
			.register(meters);
		this.lag = Timer.builder("wellgate.live.feed.lag")
			.description("From a changing statement's end to the feed receiving its notification (after commit)")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.outageTime = Timer.builder("wellgate.live.feed.outage")
			.description("How long the change feed was without its connection")
			.register(meters);
		meters.gauge("wellgate.live.feed.connected", this, feed -> feed.listening ? 1 : 0);
	}

	/** Adds a listener of every batch; returns what removes it again. */
	Runnable listen(Consumer<ChangeBatch> listener) {
		this.listeners.add(listener);
		this.listenersAdded.incrementAndGet();
		return () -> this.listeners.remove(listener);
	}

	/** How many listeners there are (a subscription is one). */
	int listenerCount() {
		return this.listeners.size();
	}

	/** How many listeners were ever added. */
	long listenersAdded() {
		return this.listenersAdded.get();
	}

	/** Whether the feed is listening now: only then does it know of every change. */
	boolean listening() {
		return this.listening;
	}

	/**
	 * Until when the feed knows of every committed change: now while it waits for notifications
	 * (any would wake it; only one still on the wire can be missing), the start of its work while
	 * it hands a batch to its listeners. Null while it is not listening.
	 */
	Instant currentAsOf() {
		if (!this.listening) {
			return null;
		}
		Instant handling = this.handlingSince;
		return (handling != null) ? handling : this.clock.instant();
	}

	/**
	 * Waits until the feed has heard everything committed before this call: a notification sent
	 * now arrives after all of those (PostgreSQL delivers in commit order). Writes call this before
	 * they answer, so that their writer's next read on this instance sees the write even from the
	 * cache. Past {@code syncTimeout}, or with the feed down, every listener is told that anything
	 * may have changed instead.
	 */
	void sync() {
		if (!this.listening) {
			publish(ChangeBatch.everything(this.clock.instant()));
			return;
		}
		String token = this.instance + ":" + this.syncTokens.incrementAndGet();
		CompletableFuture<Void> seen = new CompletableFuture<>();
		this.syncs.put(token, seen);
		try {
			this.jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :payload)").param("payload", "sync|" + token).query().singleValue();
			seen.get(this.properties.syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | RuntimeException | java.util.concurrent.ExecutionException ex) {
			log.warn("The change feed did not confirm a write within {}; treating every well as changed",
					this.properties.syncTimeout());
			publish(ChangeBatch.everything(this.clock.instant()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.syncs.remove(token);
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "wellgate-change-feed");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Connection open = this.connection;
		if (open != null) {
			try {
				open.abort(Runnable::run);
			}
			catch (SQLException ex) {
				// Closing anyway.
			}
		}
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts early (before the web server takes requests) and stops late. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private void run() {
		Duration backoff = this.properties.reconnectBackoff();
		Instant lostAt = null;
		while (this.running) {
			try (Connection open = open()) {
				this.connection = open;
				open.setAutoCommit(true);
				try (Statement statement = open.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = open.unwrap(PGConnection.class);
				this.listening = true;
				backoff = this.properties.reconnectBackoff();
				if (lostAt != null) {
					Duration out = Duration.between(lostAt, this.clock.instant());
					this.outageTime.record(out);
					log.info("The change feed is listening again after {} ms without its connection; every subscription is pushed"
							+ " and every cached answer dropped", out.toMillis());
					publish(ChangeBatch.everything(this.clock.instant()));
					lostAt = null;
				}
				listen(open, pg);
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				boolean wasListening = this.listening;
				this.listening = false;
				if (lostAt == null) {
					lostAt = this.clock.instant();
				}
				if (wasListening) {
					this.outages.increment();
					log.warn("The change feed lost its database connection ({}); reconnecting", ex.getMessage());
				}
				sleep(backoff);
				backoff = min(backoff.multipliedBy(2), this.properties.maxReconnectBackoff());
			}
			finally {
				this.listening = false;
				this.connection = null;
			}
		}
	}

	/**
	 * A connection of the feed's own, outside the pool (it is held for the instance's life, and
	 * named so that an operator sees it: {@code application_name} is {@link #applicationName()}).
	 */
	private Connection open() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			Properties settings = new Properties();
			if (hikari.getUsername() != null) {
				settings.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				settings.setProperty("password", hikari.getPassword());
			}
			settings.setProperty("ApplicationName", applicationName());
			settings.setProperty("connectTimeout", "10");
			return DriverManager.getConnection(hikari.getJdbcUrl(), settings);
		}
		return this.dataSource.getConnection();
	}

	/** This instance's id, in its ETags and its feed connection's name. */
	String instance() {
		return this.instance;
	}

	/** The {@code application_name} of the feed's connection. */
	String applicationName() {
		return "wellgate-change-feed " + this.instance;
	}

	private void listen(Connection open, PGConnection pg) throws SQLException {
		int heartbeat = (int) Math.max(1, this.properties.heartbeat().toMillis());
		while (this.running) {
			PGNotification[] received = pg.getNotifications(heartbeat);
			if (received == null || received.length == 0) {
				// Silent for a while: a query finds a dead connection that reading alone would not.
				try (Statement statement = open.createStatement()) {
					statement.execute("SELECT 1");
				}
				continue;
			}
			this.handlingSince = this.clock.instant();
			try {
				handle(received);
			}
			finally {
				this.handlingSince = null;
			}
		}
	}

	private void handle(PGNotification[] received) {
		Instant at = this.clock.instant();
		List<Change> changes = new ArrayList<>();
		List<String> synced = new ArrayList<>();
		for (PGNotification notification : received) {
			if (!CHANNEL.equals(notification.getName())) {
				continue;
			}
			String payload = notification.getParameter();
			int head = payload.indexOf('\n');
			String[] first = (head < 0 ? payload : payload.substring(0, head)).split("\\|", -1);
			if (first[0].equals("sync")) {
				synced.add(first[1]);
				continue;
			}
			this.notifications.increment();
			long statementMicros = Long.parseLong(first[1]);
			this.lag.record(Math.max(0, at.toEpochMilli() * 1000 - statementMicros), TimeUnit.MICROSECONDS);
			for (String line : payload.substring(head + 1).split("\n")) {
				String[] parts = line.split("\\|", -1);
				changes.add(new Change(first[0], parts[0], micros(parts[1]), micros(parts[2])));
			}
		}
		if (!changes.isEmpty()) {
			publish(new ChangeBatch(List.copyOf(changes), at, false));
		}
		for (String token : synced) {
			CompletableFuture<Void> waiting = this.syncs.get(token);
			if (waiting != null) {
				waiting.complete(null);
			}
		}
	}

	private void publish(ChangeBatch batch) {
		for (Consumer<ChangeBatch> listener : this.listeners) {
			try {
				listener.accept(batch);
			}
			catch (RuntimeException ex) {
				log.error("A change feed listener failed", ex);
			}
		}
	}

	private static Instant micros(String text) {
		if (text.isEmpty()) {
			return null;
		}
		long micros = Long.parseLong(text);
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
