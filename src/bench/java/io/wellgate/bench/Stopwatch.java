package io.wellgate.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * The one timing loop of the benchmark: run a task a few times unmeasured (JIT, caches), then
 * time it, at least {@code min} times and at most {@code max}, stopping after {@code min} once
 * the time budget is spent (so that a 10-second raw scan does not run 50 times).
 */
record Stopwatch(int warmup, int min, int max, Duration budget) {

	/** Reads of milliseconds to a few hundred: at least 50 runs, more while they fit in 5 s. */
	static final Stopwatch FAST = new Stopwatch(30, 50, 300, Duration.ofSeconds(5));

	/** Reads that may take seconds (raw scans of the whole history). */
	static final Stopwatch SLOW = new Stopwatch(2, 5, 50, Duration.ofSeconds(25));

	interface Task {

		void run() throws Exception;

	}

	Timing time(Task task) {
		try {
			for (int i = 0; i < this.warmup; i++) {
				task.run();
			}
			long[] nanos = new long[this.max];
			long deadline = System.nanoTime() + this.budget.toNanos();
			int runs = 0;
			while (runs < this.max && (runs < this.min || System.nanoTime() < deadline)) {
				long started = System.nanoTime();
				task.run();
				nanos[runs++] = System.nanoTime() - started;
			}
			return Timing.of(Arrays.copyOf(nanos, runs));
		}
		catch (Exception ex) {
			throw new IllegalStateException("A measured task failed", ex);
		}
	}

}
