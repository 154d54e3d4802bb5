package io.wellgate.demo;

import java.util.SplittableRandom;

/**
 * Random streams derived from the fleet's seed and a key, so that every value of the demo is a
 * function of (seed, what, when) alone: the same sample comes out whether it is generated for
 * the history at start or by the stream, in any order, on any machine.
 */
final class Seeds {

	static final long PROFILE = 1;

	static final long SCHEDULE = 2;

	// Per-well streams: these plus the well's index.
	static final long NOISE = 1L << 32;

	static final long OUTAGE = 2L << 32;

	static final long FINDING = 3L << 32;

	private Seeds() {
	}

	static SplittableRandom random(long seed, long stream, long key) {
		return new SplittableRandom(mix(mix(seed + 0x9E3779B97F4A7C15L * stream) ^ key));
	}

	// The finalizer of MurmurHash3: neighbouring keys (consecutive minutes) get unrelated seeds.
	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
		z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
		return z ^ (z >>> 33);
	}

}
