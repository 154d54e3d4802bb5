package io.wellgate.bench;

/**
 * What to benchmark, from the {@code bench.*} system properties that the Maven profile passes on.
 *
 * @param wells W, the fleet's size
 * @param days D, days of one-minute history ending now
 * @param seed the fleet generator's seed: the same seed gives the same data
 * @param url a PostgreSQL JDBC URL to run against, or {@code null} for a fresh embedded server
 */
record BenchSettings(int wells, int days, long seed, String url, String user, String password) {

	BenchSettings {
		if (wells < 1 || days < 1) {
			throw new IllegalArgumentException("bench.wells and bench.days must be at least 1, got " + wells + " and " + days);
		}
	}

	static BenchSettings fromSystemProperties() {
		return new BenchSettings(Integer.getInteger("bench.wells", 100), Integer.getInteger("bench.days", 30),
				Long.getLong("bench.seed", 20_240_917L), text("bench.url"), text("bench.user"), text("bench.password"));
	}

	long samples() {
		return (long) this.wells * this.days * 1440;
	}

	/** Days loaded first, to measure refresh over a shorter history: D/4, at least one. */
	int firstDays() {
		return Math.max(1, this.days / 4);
	}

	private static String text(String name) {
		String value = System.getProperty(name, "");
		return value.isBlank() ? null : value;
	}

}
