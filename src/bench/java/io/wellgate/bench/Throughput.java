package io.wellgate.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests per second that the service answers when many clients send at once, measured by
 * {@code wrk} where it is installed ({@link WrkLoad}), else by {@link LoadClient} in a child JVM
 * (the same java and classpath as this one); {@code -Dbench.load-client=wrk} or {@code java}
 * chooses. The load is the dashboard's queries ({@link #measure}), or any other bodies to any path
 * ({@link Load}).
 */
final class Throughput {

	static final int CLIENTS = 16;

	private static final int WARMUP_SECONDS = 5;

	private static final int SECONDS = 20;

	/**
	 * A bound on the requests of one load, far past what a measured period takes: at 1,000,000 the
	 * 10-minute soak stopped after 5 to 9 minutes at 2,000 to 3,000 requests/s.
	 */
	private static final int MOST_REQUESTS = 20_000_000;

	/** The program that sends the load, a process of its own. */
	enum Client {

		/** {@code wrk}: 2 threads, 16 connections. */
		WRK("wrk"),

		/** {@link LoadClient}: a JVM of 16 threads on {@code java.net.http}. */
		JAVA("a second JVM");

		private final String label;

		Client(String label) {
			this.label = label;
		}

		/** What the report calls it, e.g. "wrk". */
		String label() {
			return this.label;
		}

		/** {@code bench.load-client} if set, else {@code wrk} where it is installed, else the JVM. */
		static Client chosen() {
			String chosen = System.getProperty("bench.load-client", "").strip();
			if (chosen.isEmpty()) {
				return WrkLoad.installed() ? WRK : JAVA;
			}
			for (Client client : values()) {
				if (client.name().equalsIgnoreCase(chosen)) {
					return client;
				}
			}
			throw new IllegalArgumentException("bench.load-client must be wrk or java, got '" + chosen + "'");
		}

	}

	/**
	 * What the clients send.
	 *
	 * @param path e.g. {@code /graphql}
	 * @param token a bearer token, or {@code null} for none
	 */
	record Load(String path, String contentType, String token, int clients, int warmupSeconds, int seconds) {

		/** GraphQL reads without a token, as the dashboard sends them: 16 clients, 5 s of warm-up, 20 s measured. */
		static final Load DASHBOARD = new Load("/graphql", "application/json", null, CLIENTS, WARMUP_SECONDS, SECONDS);

		/** One-sample NDJSON writes with the benchmark's key: a gateway forwarding each RTU's sample. */
		static final Load SMALL_WRITES = new Load("/api/v1/telemetry", "application/x-ndjson", BenchService.API_KEY, CLIENTS,
				WARMUP_SECONDS, SECONDS);

		Load lasting(int warmupSeconds, int seconds) {
			return new Load(this.path, this.contentType, this.token, this.clients, warmupSeconds, seconds);
		}

	}

	/**
	 * @param client what sent the load
	 * @param requestsPerSecond answered requests per second over the measured period
	 * @param errors answers other than a 200 without GraphQL errors, and failed exchanges
	 * @param timeouts requests without an answer within {@link LoadClient#TIMEOUT}
	 * @param p50 latency seen by the clients, ms
	 * @param firstErrors what the first few errors were (the answer's status and start, or the exception)
	 */
	record Result(Client client, int clients, long requests, double seconds, long errors, long timeouts, double requestsPerSecond,
			double p50, double p99, List<String> firstErrors) {
	}

	/** Runs the load client against {@code base} with these GraphQL request bodies, sent in turn. */
	static Result measure(String base, List<String> bodies) throws IOException, InterruptedException {
		return measure(base, bodies, Load.DASHBOARD);
	}

	/** Runs the chosen load client against {@code base} with these bodies, sent in turn as {@code load} says. */
	static Result measure(String base, List<String> bodies, Load load) throws IOException, InterruptedException {
		return measure(base, bodies, load, Client.chosen());
	}

	/** Runs {@code client} against {@code base} with these bodies, sent in turn as {@code load} says. */
	static Result measure(String base, List<String> bodies, Load load, Client client)
			throws IOException, InterruptedException {
		Duration timeout = Duration.ofSeconds(load.warmupSeconds() + load.seconds()).plus(LoadClient.TIMEOUT).plusMinutes(2);
		String output = switch (client) {
			case WRK -> WrkLoad.run(base, bodies, load, timeout);
			case JAVA -> ChildJvm.run(LoadClient.class,
					List.of(base, String.valueOf(load.clients()), String.valueOf(load.warmupSeconds()),
							String.valueOf(load.seconds()), String.valueOf(MOST_REQUESTS), load.path(), load.contentType(),
							load.token() == null ? "-" : load.token()),
					bodies, timeout);
		};
		Map<String, String> values = new HashMap<>();
		for (String pair : output.strip().lines().reduce((a, b) -> b).orElse("").split(" ")) {
			String[] kv = pair.split("=", 2);
			values.put(kv[0], kv.length > 1 ? kv[1] : "");
		}
		List<String> firstErrors = output.lines().filter(line -> line.startsWith("error ")).map(line -> line.substring(6)).toList();
		long requests = Long.parseLong(values.get("requests"));
		double seconds = Double.parseDouble(values.get("seconds"));
		return new Result(client, load.clients(), requests, seconds, Long.parseLong(values.get("errors")),
				Long.parseLong(values.get("timeouts")), requests / seconds, Double.parseDouble(values.get("p50")),
				Double.parseDouble(values.get("p99")), firstErrors);
	}

}
