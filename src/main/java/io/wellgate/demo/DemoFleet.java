package io.wellgate.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.ingest.BulkWriter;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Runs the demo fleet inside the service. Once the service is ready it decides whether the demo
 * is wanted ({@code wellgate.demo.enabled}; unset means on for an empty embedded database),
 * loads the fleet's history in the background so that health turns UP at once, then streams a
 * sample per well every {@code wellgate.demo.stream-interval} until shutdown.
 */
@Component
class DemoFleet implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

	private final BulkWriter writer;

	private final AggregateEngine engine;

	private final DemoWellRepository registry;

	private final Clock clock;

	private final DemoProperties settings;

	private final boolean configuredDatabase;

	private final CompletableFuture<LoadReport> loaded = new CompletableFuture<>();

	// A thread of its own rather than the application's scheduler: the load would hold up the
	// partition schedule there for as long as it runs, and this one can be stopped on its own.
	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "wellgate-demo");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean stopping;

	private volatile FleetGenerator generator;

	DemoFleet(BulkWriter writer, DemoWellRepository registry, AggregateEngine engine, Clock clock,
			DemoProperties properties, Environment environment) {
		this.writer = writer;
		this.engine = engine;
		this.registry = registry;
		this.clock = clock;
		this.settings = properties;
		this.configuredDatabase = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	/** Whether the demo runs: as configured, else only on an embedded database with no wells yet. */
	enum Mode {

		OFF, ON, IF_EMPTY;

		static Mode of(Boolean enabled, boolean configuredDatabase) {
			if (enabled != null) {
				return enabled ? ON : OFF;
			}
			// A configured database is someone's real data; never write made-up wells into it unasked.
			return configuredDatabase ? OFF : IF_EMPTY;
		}

	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Mode mode = Mode.of(this.settings.enabled(), this.configuredDatabase);
		if (mode == Mode.OFF) {
			log.debug("The demo fleet is off");
			return;
		}
		this.generator = new FleetGenerator(FleetGenerator.DEMO_SEED, this.settings.wells());
		this.worker.execute(() -> loadThenStream(mode));
	}

	private void loadThenStream(Mode mode) {
		try {
			// Checked here, off the startup path: an unreachable database must not stop the service.
			if (mode == Mode.IF_EMPTY && !this.registry.isEmpty()) {
				log.info("The demo fleet is off: the embedded database already holds wells "
						+ "(wellgate.demo.enabled=true loads and streams it anyway)");
				this.loaded.cancel(false);
				return;
			}
			LoadReport report = new HistoryLoader(this.generator, this.writer, () -> this.stopping)
				.load(this.clock.instant(), this.settings.days());
			// Materialize the history now rather than at the next scheduled refresh: reads are exact
			// either way, but a month of pending buckets is aggregated on the fly until then.
			this.engine.refreshAll(null, null, null);
			this.loaded.complete(report);
			Duration interval = this.settings.streamInterval();
			LiveStream stream = new LiveStream(this.generator, this.writer, this.clock, interval, report.upTo(),
					() -> this.stopping);
			this.worker.scheduleWithFixedDelay(stream::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
			log.info("Streaming the demo fleet: a sample per well every {}", LiveStream.describe(interval));
		}
		catch (RuntimeException ex) {
			this.loaded.completeExceptionally(ex);
			if (!this.stopping) {
				log.error("Could not load the demo fleet", ex);
			}
		}
	}

	/** Completes when the history is loaded; for tests. */
	CompletableFuture<LoadReport> loaded() {
		return this.loaded;
	}

	FleetGenerator generator() {
		return this.generator;
	}

	// Runs before the DataSource closes (this bean depends on it through the writer), so that an
	// unfinished write is rolled back rather than cut off.
	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.worker.shutdownNow();
		if (!this.worker.awaitTermination(30, TimeUnit.SECONDS)) {
			log.warn("The demo fleet's writer did not stop within 30 s");
		}
	}

}
