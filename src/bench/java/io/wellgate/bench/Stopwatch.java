package io.wellgate.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * The one timing loop of the benchmark: run a task a few times unmeasured (JIT, caches), then
 * time it, at least {@code min} times and at most {@code max}, stopping after {@code min} once
 * the time budget is spent (so that a 10-second raw scan does not run 50 times). The time of a
 * run is the wall clock's, or what a {@link Probe} reports (the server's own figures).
 */
record Stopwatch(int warmup, int min, int max, Duration budget) {

	/** Reads of milliseconds to a few hundred: at least 50 runs, more while they fit in 5 s. */
	static final Stopwatch FAST = new Stopwatch(30, 50, 300, Duration.ofSeconds(5));

	/** Reads that may take seconds (raw scans of the whole history). */
	static final Stopwatch SLOW = new Stopwatch(2, 5, 50, Duration.ofSeconds(25));

	interface Task {

		void run() throws Exception;

	}

	/** Runs something once and answers how long it took, in nanoseconds, by its own account. */
	interface Probe {

		long nanos() throws Exception;

	}

	Timing time(Task task) {
		return measure(() -> {
			long started = System.nanoTime();
			task.run();
			return System.nanoTime() - started;
		});
	}

	Timing measure(Probe probe) {
		try {
			for (int i = 0; i < this.warmup; i++) {
				probe.nanos();
			}
			long[] nanos = new long[this.max];
			long deadline = System.nanoTime() + this.budget.toNanos();
			int runs = 0;
			while (runs < this.max && (runs < this.min || System.nanoTime() < deadline)) {
				nanos[runs++] = probe.nanos();
			}
			return Timing.of(Arrays.copyOf(nanos, runs));
		}
		catch (Exception ex) {
			throw new IllegalStateException("A measured task failed", ex);
		}
	}

}
