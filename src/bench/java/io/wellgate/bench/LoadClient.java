package io.wellgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
 * service's JVM: {@code clients} threads each send the given bodies in turn, back to back, for a
 * warm-up and then a measured period (bounded also by a request count). Prints one line:
 * {@code requests=N seconds=S errors=E timeouts=T p50=.. p99=..}. An error is an answer other than
 * a 200 without GraphQL errors, or a failed exchange; a time-out (no answer within
 * {@link #TIMEOUT}) is counted apart. Before that line, the first {@link #FIRST_ERRORS} errors each on a
 * line of their own: {@code error <what>} (the status and the start of the body, or the exception).
 * <p>
 * Arguments: base URL (loopback), clients, warm-up seconds, measured seconds, most requests, the
 * path ({@code /graphql}), the bodies' content type, a bearer token or {@code -} for none, and a
 * file with one request body per line.
 */
public final class LoadClient {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final int FIRST_ERRORS = 3;

	private LoadClient() {
	}

	public static void main(String[] args) throws Exception {
		int clients = Integer.parseInt(args[1]);
		Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
		Duration measured = Duration.ofSeconds(Long.parseLong(args[3]));
		long most = Long.parseLong(args[4]);
		URI uri = URI.create(args[0] + args[5]);
		String contentType = args[6];
		String token = args[7];
		List<HttpRequest> requests = Files.readAllLines(Path.of(args[8])).stream().map(body -> {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.header("Content-Type", contentType)
				.timeout(TIMEOUT)
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (!token.equals("-")) {
				request.header("Authorization", "Bearer " + token);
			}
			return request.build();
		}).toList();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long measureTo = measureFrom + measured.toNanos();
		AtomicLong sent = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong timeouts = new AtomicLong();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
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
						if (counted && (response.statusCode() != 200 || response.body().contains("\"errors\":["))) {
							if (errors.incrementAndGet() <= FIRST_ERRORS) {
								String body = response.body();
								firstErrors.add("HTTP " + response.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
							}
						}
					}
					catch (HttpTimeoutException ex) {
						if (counted) {
							timeouts.incrementAndGet();
						}
					}
					catch (Exception ex) {
						if (counted && errors.incrementAndGet() <= FIRST_ERRORS) {
							firstErrors.add(ex.getClass().getName() + ": " + ex.getMessage());
						}
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
		firstErrors.forEach(error -> System.out.println("error " + error.replaceAll("\\s+", " ")));
		System.out.printf(Locale.ROOT, "requests=%d seconds=%.3f errors=%d timeouts=%d p50=%.3f p99=%.3f%n",
				latencies.size(), (end - measureFrom) / 1e9, errors.get(), timeouts.get(), timing.p50(), timing.p99());
	}

}
