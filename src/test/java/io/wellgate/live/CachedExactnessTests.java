package io.wellgate.live;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.wellgate.WellgateHttp;
import io.wellgate.aggregate.AggregateEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style, with the response cache on: random in-order, late, re-sent, updated and deleted
 * rows and diagnostics, refreshes between them; after every step every dashboard read over
 * {@code GET /graphql}, asked twice (the second time from the cache while nothing changed),
 * equals a fresh execution of the same read. Updates and deletes go straight to the table (as
 * another instance's would) and the test waits for the change feed to have heard them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CachedExactnessTests {

	static final String RANGE = "{ avg min max }";

	// language=GraphQL
	static final List<String> READS = List.of(
			"query ($id: ID!) { well(id: $id) { hourly(hours: 48) { bucket samples flowRate " + RANGE + " vibration " + RANGE + " } } }",
			"query ($id: ID!) { well(id: $id) { daily(days: 3) { day samples vibration { avg stddev median } } } }",
			"query ($id: ID!) { well(id: $id) { performance(hours: 48) { bucket efficiencyScore healthScore anomalyCount } } }",
			"query ($id: ID!) { well(id: $id) { diagnostics(days: 3) { day total bySeverity { high critical } } } }",
			"query ($id: ID!) { wellRanking(by: HEALTH, hours: 48, limit: 1000) { rank score well { id } } well(id: $id) { id } }");

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChangeFeed feed;

	@Autowired
	AggregateEngine engine;

	final HttpClient client = HttpClient.newHttpClient();

	int fresh;

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2 })
	void everyCachedAnswerEqualsAFreshExecutionAfterEveryStep(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		String run = UUID.randomUUID().toString().substring(0, 6);
		List<String> wells = List.of("cachex-" + run + "-a", "cachex-" + run + "-b");
		WellgateHttp http = new WellgateHttp(this.port);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		int hits = 0;
		for (int step = 0; step < 14; step++) {
			String well = wells.get(random.nextInt(wells.size()));
			Instant at = now.minus(random.nextInt(5, 40 * 60), ChronoUnit.MINUTES);
			switch (random.nextInt(6)) {
				case 0, 1 -> {
					StringBuilder batch = new StringBuilder();
					for (int i = 0; i < random.nextInt(1, 30); i++) {
						batch.append(sample(well, at.plusSeconds(60L * i), random));
					}
					http.post("/api/v1/telemetry", "application/x-ndjson", batch.toString(), WellgateHttp.TOKEN);
				}
				case 2 -> http.post("/api/v1/diagnostics", "application/x-ndjson", """
						{"wellId":"%s","time":"%s","type":"PUMP_WEAR","severity":"CRITICAL","confidence":0.5}
						""".formatted(well, at), WellgateHttp.TOKEN);
				case 3 -> {
					this.jdbc.sql("DELETE FROM esp_telemetry WHERE well_id = :well AND time >= :from AND time < :to")
						.param("well", well)
						.param("from", Timestamp.from(at))
						.param("to", Timestamp.from(at.plus(3, ChronoUnit.HOURS)))
						.update();
					this.feed.sync();
				}
				case 4 -> {
					this.jdbc.sql("UPDATE esp_telemetry SET vibration = coalesce(vibration, 0) + 0.7 WHERE well_id = :well AND time >= :from")
						.param("well", well)
						.param("from", Timestamp.from(at))
						.update();
					this.feed.sync();
				}
				default -> this.engine.refreshAll(null, null, null);
			}
			for (String read : READS) {
				for (String well2 : wells) {
					JsonNode first = get(read, well2);
					JsonNode second = get(read, well2);
					JsonNode expected = fresh(read, well2);
					assertThat(first.get("data")).as("step " + step + " " + read).isEqualTo(expected);
					assertThat(second.get("data")).as("step " + step + " again " + read).isEqualTo(expected);
					if (second.get("extensions").get("cacheHit").asBoolean()) {
						hits++;
					}
				}
			}
		}
		assertThat(hits).as("reads served from the cache").isGreaterThan(0);
	}

	private static String sample(String well, Instant time, SplittableRandom random) {
		return """
				{"wellId":"%s","time":"%s","flowRate":%s,"intakePressure":%s,"dischargePressure":3000,"powerKw":%s,"vibration":%s,"motorTemperature":%s}
				""".formatted(well, time, random.nextInt(100, 2000), random.nextInt(50, 900), random.nextInt(50, 200),
				random.nextDouble(0, 1), random.nextInt(150, 300));
	}

	/** The same read, made a document of its own so that the cache cannot answer it. */
	private JsonNode fresh(String read, String well) {
		String alias = "fresh" + (++this.fresh);
		String document = read.replaceFirst("\\{", "{ " + alias + ": __typename ");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", document, "variables", Map.of("id", well)))))
			.build();
		JsonNode answer = json.readTree(send(request));
		assertThat(answer.get("extensions").get("cacheHit").asBoolean()).isFalse();
		ObjectNode data = (ObjectNode) answer.get("data");
		data.remove(alias);
		return data;
	}

	private JsonNode get(String read, String well) {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/graphql?query=" + URLEncoder.encode(read, StandardCharsets.UTF_8)
				+ "&variables=" + URLEncoder.encode(json.writeValueAsString(Map.of("id", well)), StandardCharsets.UTF_8));
		return json.readTree(send(HttpRequest.newBuilder(uri).GET().build()));
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
