package io.wellgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator, run as a process of its own so that its threads and JIT do not share the
 * service's JVM: {@code clients} threads each send the given GraphQL bodies in turn, back to back,
 * for a warm-up and then a measured period (bounded also by a request count). Prints one line:
 * {@code requests=N seconds=S errors=E p50=.. p99=..}.
 * <p>
 * Arguments: base URL (loopback), clients, warm-up seconds, measured seconds, most requests,
 * and a file with one GraphQL request body per line.
 */
public final class LoadClient {

	private LoadClient() {
	}

	public static void main(String[] args) throws Exception {
		URI graphql = URI.create(args[0] + "/graphql");
		int clients = Integer.parseInt(args[1]);
		Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
		Duration measured = Duration.ofSeconds(Long.parseLong(args[3]));
		long most = Long.parseLong(args[4]);
		List<HttpRequest> requests = Files.readAllLines(Path.of(args[5]))
			.stream()
			.map(body -> HttpRequest.newBuilder(graphql)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build())
			.toList();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long measureTo = measureFrom + measured.toNanos();
		AtomicLong sent = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int first = c;
			Thread thread = new Thread(() -> {
				for (int i = first; System.nanoTime() < measureTo; i++) {
					long started = System.nanoTime();
					boolean counted = started >= measureFrom;
					if (counted && sent.incrementAndGet() > most) {
						break;
					}
					try {
						HttpResponse<String> response = client.send(requests.get(i % requests.size()),
								HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 200 || response.body().contains("\"errors\":[")) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					if (counted) {
						latencies.add(System.nanoTime() - started);
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long end = Math.min(System.nanoTime(), measureTo);
		Timing timing = Timing.of(latencies.stream().mapToLong(Long::longValue).toArray());
		System.out.printf(Locale.ROOT, "requests=%d seconds=%.3f errors=%d p50=%.3f p99=%.3f%n", latencies.size(),
				(end - measureFrom) / 1e9, errors.get(), timing.p50(), timing.p99());
	}

}
