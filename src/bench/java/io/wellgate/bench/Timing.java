package io.wellgate.bench;

import java.util.Arrays;

/**
 * Latency of repeated runs of one thing, in milliseconds (nearest-rank percentiles).
 *
 * @param runs how many runs the figures are taken over (warm-up runs excluded)
 */
record Timing(int runs, double p50, double p95, double p99) {

	static Timing of(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Timing(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
	}

	private static double percentile(long[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

}
