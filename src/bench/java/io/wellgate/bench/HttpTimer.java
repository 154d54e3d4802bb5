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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The end-to-end HTTP timings, taken by a process of its own (as a browser or a gateway is), so
 * that the client's threads, garbage and JIT do not share the service's JVM. Run by
 * {@link RemoteHttp}; prints its timings, in nanoseconds, one line per series.
 * <p>
 * Arguments: mode, base URL (loopback), warm-up seconds, then
 * <ul>
 * <li>{@code each}: runs per body (at least), seconds per body (at most, once the runs are
 * done), the bodies' file. Sends each body alone, back to back. Prints
 * {@code body <index> <nanos>,<nanos>...}.</li>
 * <li>{@code page}: pages, the bodies' file. Sends all bodies at once, one thread each, as a
 * dashboard opening does, and waits for the last answer. Prints {@code page <nanos>...} and
 * {@code body <index> <nanos>...}.</li>
 * </ul>
 * The warm-up sends every body in turn for the given seconds, untimed.
 */
public final class HttpTimer {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<HttpRequest> requests;

	private HttpTimer(String base, List<String> bodies) {
		URI graphql = URI.create(base + "/graphql");
		this.requests = bodies.stream()
			.map(body -> HttpRequest.newBuilder(graphql)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofMinutes(2))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build())
			.toList();
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
		List<String> bodies = Files.readAllLines(Path.of(args[args.length - 1]));
		HttpTimer timer = new HttpTimer(args[1], bodies);
		timer.warmUp(warmup);
		switch (mode) {
			case "each" -> timer.each(Integer.parseInt(args[3]), Duration.ofSeconds(Long.parseLong(args[4])));
			case "page" -> timer.pages(Integer.parseInt(args[3]));
			default -> throw new IllegalArgumentException("mode: each or page, got " + mode);
		}
	}

	private void warmUp(Duration duration) throws Exception {
		long until = System.nanoTime() + duration.toNanos();
		for (int i = 0; System.nanoTime() < until; i++) {
			send(this.requests.get(i % this.requests.size()));
		}
	}

	private void each(int runs, Duration budget) throws Exception {
		for (int i = 0; i < this.requests.size(); i++) {
			HttpRequest request = this.requests.get(i);
			for (int w = 0; w < 10; w++) {
				send(request);
			}
			List<Long> nanos = new ArrayList<>();
			long deadline = System.nanoTime() + budget.toNanos();
			while (nanos.size() < runs || (System.nanoTime() < deadline && nanos.size() < 10 * runs)) {
				nanos.add(send(request));
			}
			print("body " + i, nanos);
		}
	}

	private void pages(int pages) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(this.requests.size());
		try {
			List<Long> pageNanos = new ArrayList<>();
			List<List<Long>> bodyNanos = new ArrayList<>();
			this.requests.forEach(request -> bodyNanos.add(new ArrayList<>()));
			for (int p = 0; p < pages; p++) {
				long started = System.nanoTime();
				List<Future<Long>> answers = new ArrayList<>();
				for (HttpRequest request : this.requests) {
					answers.add(threads.submit(() -> send(request)));
				}
				for (int i = 0; i < answers.size(); i++) {
					bodyNanos.get(i).add(answers.get(i).get());
				}
				pageNanos.add(System.nanoTime() - started);
			}
			print("page", pageNanos);
			for (int i = 0; i < bodyNanos.size(); i++) {
				print("body " + i, bodyNanos.get(i));
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Sends and answers how long it took; anything but a 200 without GraphQL errors stops the run. */
	private long send(HttpRequest request) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		long nanos = System.nanoTime() - started;
		if (response.statusCode() != 200 || response.body().contains("\"errors\":[")) {
			throw new IllegalStateException("The service answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return nanos;
	}

	private static void print(String series, List<Long> nanos) {
		System.out.println(series + " " + nanos.stream().map(String::valueOf).collect(Collectors.joining(",")));
	}

}
