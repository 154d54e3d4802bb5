package io.wellgate.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests per second that the service answers when many clients ask for the dashboard at once,
 * measured by {@link LoadClient} in a child JVM (the same java and classpath as this one).
 */
final class Throughput {

	static final int CLIENTS = 16;

	private static final int WARMUP_SECONDS = 5;

	private static final int SECONDS = 20;

	private static final int MOST_REQUESTS = 1_000_000;

	/**
	 * @param requestsPerSecond answered requests per second over the measured period
	 * @param p50 latency seen by the clients, ms
	 */
	record Result(int clients, long requests, double seconds, long errors, double requestsPerSecond, double p50,
			double p99) {
	}

	/** Runs the load client against {@code base} with these GraphQL request bodies, sent in turn. */
	static Result measure(String base, List<String> bodies) throws IOException, InterruptedException {
		String output = ChildJvm.run(LoadClient.class, List.of(base, String.valueOf(CLIENTS), String.valueOf(WARMUP_SECONDS),
				String.valueOf(SECONDS), String.valueOf(MOST_REQUESTS)), bodies, Duration.ofMinutes(2)).strip();
		Map<String, String> values = new HashMap<>();
		for (String pair : output.lines().reduce((a, b) -> b).orElse("").split(" ")) {
			String[] kv = pair.split("=", 2);
			values.put(kv[0], kv.length > 1 ? kv[1] : "");
		}
		long requests = Long.parseLong(values.get("requests"));
		double seconds = Double.parseDouble(values.get("seconds"));
		return new Result(CLIENTS, requests, seconds, Long.parseLong(values.get("errors")), requests / seconds,
				Double.parseDouble(values.get("p50")), Double.parseDouble(values.get("p99")));
	}

}
