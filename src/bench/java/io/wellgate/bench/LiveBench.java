package io.wellgate.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live and cached reads on their own, at a size given by system properties (run it with the
 * test classpath: {@code java -cp ... io.wellgate.bench.LiveBench}): the service in this JVM on a
 * fresh embedded PostgreSQL, the fleet streaming one batch of {@code live.wells} samples a second.
 * It prints: commit-to-push latency with one subscriber per well (measured from the moment the
 * batch is sent, so it includes the ingest itself), heap per idle subscription (client and
 * service share this JVM's heap, so it is an upper bound), dashboard reads per second from 16
 * clients cached (GET, repeated) and uncached (every request a document of its own), and the
 * round trip of a {@code 304}. Every push is checked against a fresh read of its well.
 */
public final class LiveBench {

	static final JsonMapper json = JsonMapper.builder().build();

	// language=GraphQL
	static final String PUSHED = "subscription ($id: ID!) { wellChanged(ids: [$id], minIntervalMs: 0) { to well { id hourly(hours: 2) { bucket samples } } } }";

	// language=GraphQL
	static final String DASHBOARD = "query ($id: ID!) { well(id: $id) { hourly(hours: 24) { bucket samples flowRate { avg min max } } "
			+ "performanceSummary(hours: 24) { healthScore } } }";

	private LiveBench() {
	}

	public static void main(String[] args) throws Exception {
		int wells = Integer.getInteger("live.wells", 100);
		int idle = Integer.getInteger("live.subscriptions", 1000);
		int seconds = Integer.getInteger("live.seconds", 10);
		try (BenchService service = BenchService.start(new BenchSettings(wells, 1, 1, null, null, null))) {
			run(service, wells, idle, seconds);
		}
		System.exit(0);
	}

	static void run(BenchService service, int wells, int idle, int seconds) throws Exception {
		String base = "http://127.0.0.1:" + service.port();
		HttpClient http = HttpClient.newHttpClient();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < wells; i++) {
			ids.add("live-%03d".formatted(i));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		StringBuilder history = new StringBuilder();
		for (String id : ids) {
			for (int m = 60; m > 0; m--) {
				history.append(sample(id, now.minus(m, ChronoUnit.MINUTES)));
			}
		}
		post(http, base + "/api/v1/telemetry", history.toString());
		MeterRegistry meters = service.bean(MeterRegistry.class);

		// Heap per idle subscription.
		long heapBefore = heapAfterGc();
		List<Client> idleClients = new ArrayList<>();
		for (int c = 0; c < Math.max(1, idle / 100); c++) {
			Client client = Client.connect(service.port());
			for (int s = 0; s < Math.min(100, idle - c * 100); s++) {
				client.subscribe(PUSHED, Map.of("id", "idle-" + c + "-" + s));
			}
			idleClients.add(client);
		}
		awaitGauge(meters, "wellgate.live.subscriptions", idle);
		long heapAfter = heapAfterGc();
		double perSubscription = (heapAfter - heapBefore) / (double) idle;

		// Commit-to-push with one subscriber per well.
		List<Client> pushed = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			pushed.add(Client.connect(service.port()));
		}
		for (int i = 0; i < wells; i++) {
			pushed.get(i % 4).subscribe(PUSHED, Map.of("id", ids.get(i)));
		}
		awaitGauge(meters, "wellgate.live.subscriptions", idle + wells);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong stale = new AtomicLong();
		AtomicBoolean streaming = new AtomicBoolean(true);
		Thread fleet = new Thread(() -> {
			for (int second = 0; streaming.get(); second++) {
				Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
				StringBuilder batch = new StringBuilder();
				ids.forEach(id -> batch.append(sample(id, t)));
				long sent = System.nanoTime();
				pushed.forEach(client -> client.expect(sent, t));
				post(http, base + "/api/v1/telemetry", batch.toString());
				sleepUntil(sent + TimeUnit.SECONDS.toNanos(1));
			}
		});
		fleet.start();
		Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
		for (Client client : pushed) {
			latencies.addAll(client.latencies);
			stale.addAndGet(client.stale.get());
		}

		// Dashboard reads, 16 clients, cached and uncached, while the fleet streams.
		double cached = throughput(http, base, ids, seconds, false);
		double uncached = throughput(http, base, ids, seconds, true);
		streaming.set(false);
		fleet.join();

		// 304 round trips.
		String uri = base + "/graphql?query=" + encode(DASHBOARD) + "&variables=" + encode(json.writeValueAsString(Map.of("id", ids.get(0))));
		HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
		String etag = first.headers().firstValue("ETag").orElseThrow();
		List<Long> revalidations = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			long started = System.nanoTime();
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri)).header("If-None-Match", etag).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 304) {
				revalidations.add(System.nanoTime() - started);
			}
		}
		idleClients.forEach(Client::close);
		pushed.forEach(Client::close);

		System.out.printf("%n## Live and cached reads (embedded PostgreSQL, %d wells, %d cores)%n%n", wells,
				Runtime.getRuntime().availableProcessors());
		System.out.printf("| What | Figure |%n|---|---|%n");
		System.out.printf("| Batch sent to push received, %d subscribers on %d wells (%d pushes) | p50 %.1f ms, p99 %.1f ms |%n", wells,
				wells, latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.99));
		System.out.printf("| Pushes older than their batch (stale) | %d |%n", stale.get());
		System.out.printf("| Heap per idle subscription (%d held; client included) | %.1f KB |%n", idle, perSubscription / 1024);
		System.out.printf("| Dashboard reads/s, 16 clients, cache on (GET) | %.0f |%n", cached);
		System.out.printf("| Dashboard reads/s, 16 clients, uncached | %.0f (cache %.1fx) |%n", uncached, cached / uncached);
		System.out.printf("| 304 revalidation, client round trip (%d) | p50 %.2f ms, p99 %.2f ms |%n", revalidations.size(),
				percentile(revalidations, 0.5), percentile(revalidations, 0.99));
	}

	private static double throughput(HttpClient http, String base, List<String> ids, int seconds, boolean fresh)
			throws InterruptedException {
		AtomicLong done = new AtomicLong();
		AtomicLong unique = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		CountDownLatch finished = new CountDownLatch(16);
		for (int c = 0; c < 16; c++) {
			int client = c;
			new Thread(() -> {
				try {
					for (int i = 0; System.nanoTime() < end; i++) {
						String id = ids.get((client + i) % Math.min(10, ids.size()));
						String document = fresh ? DASHBOARD.replaceFirst("\\{", "{ f" + unique.incrementAndGet() + ": __typename ") : DASHBOARD;
						String uri = base + "/graphql?query=" + encode(document) + "&variables=" + encode(json.writeValueAsString(Map.of("id", id)));
						HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
								HttpResponse.BodyHandlers.ofString());
						if (answer.statusCode() == 200) {
							done.incrementAndGet();
						}
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				finally {
					finished.countDown();
				}
			}).start();
		}
		finished.await();
		return done.get() / (double) seconds;
	}

	static String sample(String id, Instant time) {
		return "{\"wellId\":\"" + id + "\",\"time\":\"" + time + "\",\"flowRate\":1200,\"powerKw\":100,\"vibration\":0.2}\n";
	}

	private static void post(HttpClient http, String uri, String ndjson) {
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri))
				.header("Content-Type", "application/x-ndjson")
				.header("Authorization", "Bearer " + BenchService.API_KEY)
				.POST(HttpRequest.BodyPublishers.ofString(ndjson))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(answer.body());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long heapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void awaitGauge(MeterRegistry meters, String name, double value) throws InterruptedException {
		for (int i = 0; i < 6000 && meters.get(name).gauge().value() < value; i++) {
			Thread.sleep(10);
		}
	}

	private static void sleepUntil(long nanos) {
		long wait = nanos - System.nanoTime();
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static double percentile(List<Long> nanos, double p) {
		if (nanos.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * A graphql-ws connection whose pushes are timed against the batch they answer: a push whose
	 * newest bucket does not hold the batch's sample is counted stale.
	 */
	static final class Client implements WebSocket.Listener {

		final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

		final AtomicLong stale = new AtomicLong();

		private final Map<String, Long> sent = new ConcurrentHashMap<>();

		private final StringBuilder partial = new StringBuilder();

		private final CountDownLatch acknowledged = new CountDownLatch(1);

		private int ids;

		private WebSocket socket;

		private volatile long batchSent;

		private volatile Instant batchTime;

		static Client connect(int port) throws InterruptedException {
			Client client = new Client();
			client.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.subprotocols("graphql-transport-ws")
				.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), client)
				.join();
			client.send(Map.of("type", "connection_init"));
			client.acknowledged.await(60, TimeUnit.SECONDS);
			return client;
		}

		void subscribe(String document, Map<String, Object> variables) {
			send(Map.of("id", Integer.toString(++this.ids), "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
		}

		void expect(long sentNanos, Instant time) {
			this.batchTime = time;
			this.batchSent = sentNanos;
		}

		private synchronized void send(Map<String, Object> message) {
			this.socket.sendText(json.writeValueAsString(message), true).join();
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				long received = System.nanoTime();
				JsonNode message = json.readTree(this.partial.toString());
				this.partial.setLength(0);
				String type = message.get("type").asString();
				if (type.equals("connection_ack")) {
					this.acknowledged.countDown();
				}
				else if (type.equals("next") && this.batchTime != null) {
					JsonNode change = message.get("payload").get("data").get("wellChanged");
					if (Instant.parse(change.get("to").asString()).equals(this.batchTime)) {
						this.latencies.add(received - this.batchSent);
						JsonNode hourly = change.get("well").get("hourly");
						JsonNode newest = hourly.get(hourly.size() - 1);
						if (!Instant.parse(newest.get("bucket").asString()).equals(this.batchTime.truncatedTo(ChronoUnit.HOURS))) {
							this.stale.incrementAndGet();
						}
					}
				}
			}
			webSocket.request(1);
			return null;
		}

		void close() {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
		}

	}

}
