package io.wellgate.bench;

import java.util.Locale;

/**
 * What to benchmark, from the {@code bench.*} system properties that the Maven profile passes on.
 *
 * @param wells W, the fleet's size
 * @param days D, days of one-minute history ending now
 * @param seed the fleet generator's seed: the same seed gives the same data
 * @param url a PostgreSQL JDBC URL to run against (only with {@link Server#URL})
 * @param server which PostgreSQL the service runs on
 * @param load how the history arrives
 * @param soakMinutes how long the soak runs, 0 for none
 */
record BenchSettings(int wells, int days, long seed, String url, String user, String password, Server server, Load load,
		int soakMinutes) {

	/** {@code bench.server}: where the service's database comes from. */
	enum Server {

		/** A fresh embedded (zonky) PostgreSQL under {@code target/}, started with the project's settings. */
		EMBEDDED,

		/** The database at {@code bench.url}, as it is. */
		URL,

		/** A throw-away cluster of the installed distribution build, settings as shipped. */
		SYSTEM;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** {@code bench.load}: the shape in which the history is sent. */
	enum Load {

		/** The fleet's telemetry in time order, an hour of minute batches of the whole fleet per request. */
		FIELD,

		/** One request per well with its whole history (the month-long per-well upload). */
		BACKFILL

	}

	BenchSettings {
		if (wells < 1 || days < 1) {
			throw new IllegalArgumentException("bench.wells and bench.days must be at least 1, got " + wells + " and " + days);
		}
		if (soakMinutes < 0) {
			throw new IllegalArgumentException("bench.soak-minutes must be 0 or more, got " + soakMinutes);
		}
		if ((server == Server.URL) != (url != null)) {
			throw new IllegalArgumentException("bench.server=url needs bench.url, and bench.url needs bench.server=url (got "
					+ server.label() + ")");
		}
	}

	/** The embedded server, field-shaped load, no soak: what the suite's tests start. */
	static BenchSettings tiny(int wells, int days, long seed) {
		return new BenchSettings(wells, days, seed, null, null, null, Server.EMBEDDED, Load.FIELD, 0);
	}

	static BenchSettings fromSystemProperties() {
		String url = text("bench.url");
		String server = text("bench.server");
		return new BenchSettings(Integer.getInteger("bench.wells", 100), Integer.getInteger("bench.days", 30),
				Long.getLong("bench.seed", 20_240_917L), url, text("bench.user"), text("bench.password"),
				(server == null) ? ((url == null) ? Server.EMBEDDED : Server.URL) : choice(Server.class, "bench.server", server),
				choice(Load.class, "bench.load", java.util.Objects.requireNonNullElse(text("bench.load"), "field")),
				Integer.getInteger("bench.soak-minutes", 2));
	}

	long samples() {
		return (long) this.wells * this.days * 1440;
	}

	/** Days loaded first, to measure refresh over a shorter history: D/4, at least one. */
	int firstDays() {
		return Math.max(1, this.days / 4);
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String property, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		throw new IllegalArgumentException(property + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
			.map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + value + "'");
	}

	private static String text(String name) {
		String value = System.getProperty(name, "");
		return value.isBlank() ? null : value;
	}

}
