package io.wellgate.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.wellgate.aggregate.AggregateEngine;

/**
 * The field's steady state, kept up from two threads while something else is measured: a minute
 * batch of the whole fleet every {@code period} (cycling through the newest hour's minutes, so the
 * buckets they touch stay pending), and all aggregates refreshed every {@code refreshPeriod}, as the
 * service's own schedules would (the benchmark's service runs with them off). A batch that is late
 * delays the next one rather than overlapping it.
 */
final class FieldWriter implements AutoCloseable {

	/** The service's default refresh schedule of the hourly aggregates. */
	static final Duration REFRESH_PERIOD = Duration.ofSeconds(15);

	private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "bench-field-writer");
		thread.setDaemon(true);
		return thread;
	});

	private final ConcurrentLinkedQueue<Long> batches = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Long> refreshes = new ConcurrentLinkedQueue<>();

	private final AtomicInteger failedBatches = new AtomicInteger();

	private final AtomicInteger failedRefreshes = new AtomicInteger();

	private final AtomicReference<String> firstFailure = new AtomicReference<>();

	private final AtomicInteger next = new AtomicInteger();

	private FieldWriter() {
	}

	/**
	 * @param batches the minute batches, sent in turn, each of {@code wells} samples
	 * @param engine refreshed every {@code refreshPeriod} ({@link #REFRESH_PERIOD} in the benchmark), or {@code null} for no refreshes
	 */
	static FieldWriter start(MinuteBatches sender, List<byte[]> batches, int wells, Duration period, AggregateEngine engine,
			Duration refreshPeriod) {
		FieldWriter writer = new FieldWriter();
		writer.threads.scheduleAtFixedRate(() -> writer.send(sender, batches, wells), 0, period.toMillis(), TimeUnit.MILLISECONDS);
		if (engine != null) {
			writer.threads.scheduleAtFixedRate(() -> writer.refresh(engine), refreshPeriod.toMillis(),
					refreshPeriod.toMillis(), TimeUnit.MILLISECONDS);
		}
		return writer;
	}

	private void send(MinuteBatches sender, List<byte[]> batches, int wells) {
		try {
			this.batches.add(sender.send(batches.get(this.next.getAndIncrement() % batches.size()), wells));
		}
		catch (RuntimeException ex) {
			this.failedBatches.incrementAndGet();
			this.firstFailure.compareAndSet(null, "batch: " + ex.getMessage());
		}
	}

	private void refresh(AggregateEngine engine) {
		try {
			long started = System.nanoTime();
			engine.refreshAll(null, null, null);
			this.refreshes.add(System.nanoTime() - started);
		}
		catch (RuntimeException ex) {
			this.failedRefreshes.incrementAndGet();
			this.firstFailure.compareAndSet(null, "refresh: " + ex.getMessage());
		}
	}

	/**
	 * @param batch the writer's batches, sent and answered
	 * @param maxMillis the slowest batch
	 * @param failedBatches batches that failed (answer other than 200 with every sample accepted)
	 * @param refresh the scheduled refreshes, all four aggregates each, {@code null} if none ran
	 * @param firstFailure what went wrong first, or {@code null}
	 */
	record Result(Timing batch, double maxMillis, int failedBatches, Timing refresh, int failedRefreshes,
			String firstFailure) {
	}

	/** Batches answered so far, and refreshes done: what a caller waits for. */
	int sent() {
		return this.batches.size() + this.failedBatches.get();
	}

	int refreshed() {
		return this.refreshes.size() + this.failedRefreshes.get();
	}

	/** Stops both threads (letting a running batch or refresh finish) and sums up. */
	Result stop() throws InterruptedException {
		this.threads.shutdown();
		if (!this.threads.awaitTermination(5, TimeUnit.MINUTES)) {
			throw new IllegalStateException("The field writer did not stop within 5 minutes");
		}
		long[] batchNanos = this.batches.stream().mapToLong(Long::longValue).toArray();
		long[] refreshNanos = this.refreshes.stream().mapToLong(Long::longValue).toArray();
		Timing batch = (batchNanos.length == 0) ? new Timing(0, 0, 0, 0) : Timing.of(batchNanos);
		double max = java.util.Arrays.stream(batchNanos).max().orElse(0) / 1e6;
		return new Result(batch, max, this.failedBatches.get(), (refreshNanos.length == 0) ? null : Timing.of(refreshNanos),
				this.failedRefreshes.get(), this.firstFailure.get());
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.threads.isShutdown()) {
			stop();
		}
	}

}
