package io.wellgate.live;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.wellgate.system.ReadInstant;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * What every subscription's pushes share: the change feed, the threads pushes run on (never the
 * feed's), the throttles' timer, and the counters.
 * <p>
 * A subscription is one long execution; its DataLoaders would keep every push's loads and answer
 * the next push from them. Each push clears them first, and carries its own "now"
 * ({@link ReadInstant}), so it resolves its whole selection afresh.
 */
final class Pushes implements SmartLifecycle, DisposableBean {

	final ChangeFeed feed;

	final Clock clock;

	final ScheduledExecutorService timer;

	final Counter coalesced;

	private final Scheduler threads;

	private final Counter pushes;

	private final Set<FluxSink<?>> open = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	Pushes(ChangeFeed feed, Clock clock, LiveProperties properties, MeterRegistry meters) {
		this.feed = feed;
		this.clock = clock;
		this.threads = Schedulers.newBoundedElastic(properties.pushThreads(), Integer.MAX_VALUE, "wellgate-push", 60, true);
		this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "wellgate-push-timer");
			thread.setDaemon(true);
			return thread;
		});
		this.coalesced = Counter.builder("wellgate.live.coalesced")
			.description("Changes merged into a push that was waiting for its minIntervalMs")
			.register(meters);
		this.pushes = Counter.builder("wellgate.live.pushes")
			.description("Pushes resolved (one execution each, however many subscribers share it)")
			.register(meters);
	}

	/**
	 * Moves a subscription's events off the feed's thread and turns each into a push: DataLoaders
	 * cleared, the value handed down with its instant.
	 */
	<E, T> Flux<DataFetcherResult<T>> resolve(Flux<E> events, DataFetchingEnvironment env, Resolver<E, T> resolver) {
		return events.publishOn(this.threads, 1).map(event -> {
			env.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
			Instant now = this.clock.instant();
			this.pushes.increment();
			return DataFetcherResult.<T>newResult().data(resolver.resolve(event, now)).localContext(ReadInstant.context(now)).build();
		});
	}

	/**
	 * Keeps a subscription's event sink, to complete it when the service stops; returns what
	 * forgets it again (for the sink's own {@code onDispose}, which takes only one callback).
	 */
	Runnable track(FluxSink<?> sink) {
		this.open.add(sink);
		return () -> this.open.remove(sink);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Completes every subscription before the web server shuts down gracefully: an open
	 * subscription would otherwise be a request it waits for.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.open.forEach(FluxSink::complete);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
	}

	@Override
	public void destroy() {
		this.threads.dispose();
		this.timer.shutdownNow();
	}

	@FunctionalInterface
	interface Resolver<E, T> {

		T resolve(E event, Instant now);

	}

}
