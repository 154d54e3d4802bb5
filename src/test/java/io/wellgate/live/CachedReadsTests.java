package io.wellgate.live;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact HTTP caching over real sockets: ETags that hold exactly while nothing an answer read
 * changed, {@code 304} revalidation over {@code GET /graphql}, the server-side cache's hits, and
 * GET refusing what is not a query; concurrent misses of one answer computing it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Configuration.class)
class CachedReadsTests {

	// language=GraphQL
	static final String HOURLY = "query ($id: ID!) { well(id: $id) { hourly(hours: 2) { bucket samples } } }";

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	final HttpClient client = HttpClient.newHttpClient();

	WellgateHttp http;

	@BeforeEach
	void realTime() {
		this.clock.set(Instant.now());
		this.http = new WellgateHttp(this.port);
	}

	@Test
	void anUnchangedReadIsRevalidatedWith304UntilWhatItReadChanges() {
		String well = well();
		String other = well();
		Instant t = this.clock.instant().minusSeconds(300);
		write(well, t);
		write(other, t);
		HttpResponse<String> first = get(HOURLY, Map.of("id", well), null);
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
		JsonNode answer = json.readTree(first.body());
		assertThat(answer.get("extensions").get("cacheHit").asBoolean()).isFalse();
		assertThat(Instant.parse(answer.get("extensions").get("exactAsOf").asString())).isNotNull();
		assertThat(samples(answer)).isEqualTo(1);

		JsonNode again = json.readTree(get(HOURLY, Map.of("id", well), null).body());
		assertThat(again.get("extensions").get("cacheHit").asBoolean()).isTrue();
		assertThat(again.get("data")).isEqualTo(answer.get("data"));

		HttpResponse<String> revalidated = get(HOURLY, Map.of("id", well), etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
		assertThat(revalidated.body()).isEmpty();

		write(other, t.plusSeconds(60));
		assertThat(get(HOURLY, Map.of("id", well), etag).statusCode()).as("another well's change").isEqualTo(304);

		write(well, t.plusSeconds(60));
		HttpResponse<String> changed = get(HOURLY, Map.of("id", well), etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
		JsonNode current = json.readTree(changed.body());
		assertThat(samples(current)).isEqualTo(2);
		assertThat(current.get("extensions").get("cacheHit").asBoolean()).isFalse();
	}

	/**
	 * Eight requests for the same answer while it is being computed: the first computes it (held
	 * up by a lock on the hourly aggregate's table), the seven others wait for it instead of
	 * running their own, and all eight answer the same.
	 */
	@Test
	void concurrentMissesOfTheSameAnswerWaitForOneComputation() throws Exception {
		String well = well();
		write(well, this.clock.instant().minusSeconds(300));
		Map<String, Object> variables = Map.of("id", well);
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/graphql?query=" + encode(HOURLY) + "&variables="
				+ encode(json.writeValueAsString(variables)));
		double sharedBefore = shared();
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("LOCK TABLE telemetry_hourly IN ACCESS EXCLUSIVE MODE");
			}
			for (int i = 0; i < 8; i++) {
				answers.add(this.client.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()));
			}
			// Waits for the seven to join, not for a time; the deadline only keeps a broken build from hanging.
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (shared() - sharedBefore < 7 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(shared() - sharedBefore).as("misses waiting for the computation in flight").isEqualTo(7);
			lock.commit();
		}
		List<JsonNode> bodies = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			bodies.add(json.readTree(response.body()));
		}
		assertThat(bodies).allSatisfy(body -> assertThat(body.get("data")).isEqualTo(bodies.get(0).get("data")));
		assertThat(samples(bodies.get(0))).isEqualTo(1);
		assertThat(bodies.stream().filter(body -> !body.get("extensions").get("cacheHit").asBoolean()))
			.as("computed for its own request").hasSize(1);
	}

	@Test
	void aRelativeWindowGetsANewTagWhenABucketLeavesIt() {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(5, ChronoUnit.HOURS);
		this.clock.set(hour.plus(30, ChronoUnit.MINUTES));
		String well = well();
		write(well, hour.minus(50, ChronoUnit.MINUTES));
		HttpResponse<String> before = get(HOURLY, Map.of("id", well), null);
		String etag = before.headers().firstValue("ETag").orElseThrow();
		assertThat(samples(json.readTree(before.body()))).isEqualTo(1);
		this.clock.set(hour.plus(59, ChronoUnit.MINUTES));
		assertThat(get(HOURLY, Map.of("id", well), etag).statusCode()).as("still the same buckets").isEqualTo(304);

		this.clock.set(hour.plus(61, ChronoUnit.MINUTES));
		HttpResponse<String> after = get(HOURLY, Map.of("id", well), etag);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
		assertThat(json.readTree(after.body()).get("data").get("well").get("hourly")).as("the bucket left the window").isEmpty();
	}

	@Test
	void getRefusesMutationsAndSubscriptionsWith405AndStoresNothing() {
		String well = well();
		// language=GraphQL
		String mutation = """
				mutation { ingestTelemetry(samples: [{ wellId: "%s", time: "%s", flowRate: 1 }]) { accepted } }
				""".formatted(well, this.clock.instant().minusSeconds(60));
		HttpResponse<String> refused = get(mutation, Map.of(), null);
		assertThat(refused.statusCode()).isEqualTo(405);
		assertThat(refused.headers().firstValue("Allow")).hasValue("POST");
		assertThat(json.readTree(refused.body()).get("errors").get(0).get("message").asString()).contains("POST");
		assertThat(get("subscription { wellChanged { from } }", Map.of(), null).statusCode()).isEqualTo(405);
		JsonNode stored = json.readTree(get(HOURLY, Map.of("id", well), null).body());
		assertThat(stored.get("data").get("well").isNull()).as("nothing was stored").isTrue();
	}

	@Test
	void postAnswersCarryTheirTagAndFreshnessToo() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", HOURLY, "variables",
					Map.of("id", well())))))
			.build();
		HttpResponse<String> answer = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("ETag")).isPresent();
		assertThat(json.readTree(answer.body()).get("extensions").has("exactAsOf")).isTrue();
	}

	@Test
	void aBadVariablesParameterIsABadRequestSayingWhich() {
		HttpResponse<String> bad = send(URI.create("http://127.0.0.1:" + this.port + "/graphql?query="
				+ encode(HOURLY) + "&variables=" + encode("{not json")), null);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("'variables'").doesNotContain("Exception");
	}

	private double shared() {
		return this.meters.counter("wellgate.live.cache.shared").count();
	}

	private static int samples(JsonNode answer) {
		int samples = 0;
		for (JsonNode bucket : answer.get("data").get("well").get("hourly")) {
			samples += bucket.get("samples").asInt();
		}
		return samples;
	}

	private HttpResponse<String> get(String query, Map<String, Object> variables, String ifNoneMatch) {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/graphql?query=" + encode(query) + "&variables="
				+ encode(json.writeValueAsString(variables)));
		return send(uri, ifNoneMatch);
	}

	private HttpResponse<String> send(URI uri, String ifNoneMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private void write(String well, Instant time) {
		WellgateHttp.Response written = this.http.post("/api/v1/telemetry", "application/x-ndjson",
				LiveSubscriptionTests.sample(well, time, 100), WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
	}

	private static String well() {
		return "cache-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
