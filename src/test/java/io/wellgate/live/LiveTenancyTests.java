package io.wellgate.live;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.TestTokens;
import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's fields claim holds in the live paths too: a cached answer is never served to a caller
 * of other fields, a subscriber hears only of its fields' wells, and a pushed ranking ranks only
 * them. Each test makes two fields of its own with one well each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.aggregates.hourly-refresh=0s", "wellgate.aggregates.daily-refresh=0s" })
class LiveTenancyTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.issuer()::jwkSetUri);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WellgateHttp http;

	String permianWell;

	String bakkenWell;

	String permianToken;

	String bakkenToken;

	@BeforeEach
	void twoFieldsOfOneWell() {
		this.http = new WellgateHttp(this.port);
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.permianWell = "lten-" + run + "-a";
		this.bakkenWell = "lten-" + run + "-b";
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
		write(this.permianWell, hour);
		write(this.bakkenWell, hour);
		field(this.permianWell, "Permian-" + run);
		field(this.bakkenWell, "Bakken-" + run);
		this.permianToken = TestTokens.issuer().token("wells:read", List.of("Permian-" + run));
		this.bakkenToken = TestTokens.issuer().token("wells:read", List.of("Bakken-" + run));
	}

	@Test
	void aCachedAnswerIsNeverServedToACallerOfOtherFields() {
		String query = "{ wells(first: 1000) { edges { node { id hourly(hours: 3) { samples } } } } }";
		JsonNode first = get(query, this.permianToken);
		JsonNode again = get(query, this.permianToken);
		assertThat(again.at("/extensions/cacheHit").asBoolean()).isTrue();
		assertThat(ids(again)).contains(this.permianWell).doesNotContain(this.bakkenWell);
		assertThat(ids(first)).isEqualTo(ids(again));

		JsonNode other = get(query, this.bakkenToken);
		assertThat(ids(other)).contains(this.bakkenWell).doesNotContain(this.permianWell);
	}

	@Test
	void aSubscriberHearsOnlyOfItsFieldsWells() {
		try (GraphQlWs ws = GraphQlWs.connect(this.port, this.permianToken)) {
			String id = ws.subscribe("subscription { wellChanged(minIntervalMs: 0) { well { id field } } }", Map.of());
			// Subscribed once a write of its own field is pushed.
			JsonNode first = ws.nextAfter(id, () -> write(this.permianWell, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
			assertThat(first.at("/wellChanged/well/id").asString()).isEqualTo(this.permianWell);
			while (ws.hasMessage(id)) {
				ws.next(id);
			}
			write(this.bakkenWell, Instant.now().truncatedTo(ChronoUnit.SECONDS));
			write(this.permianWell, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(1));

			JsonNode push = ws.next(id).get("wellChanged");
			assertThat(push.at("/well/id").asString()).isEqualTo(this.permianWell);
		}
	}

	@Test
	void aPushedRankingRanksOnlyTheSubscribersWells() {
		try (GraphQlWs ws = GraphQlWs.connect(this.port, this.bakkenToken)) {
			String id = ws.subscribe("subscription { wellRankingChanged(by: EFFICIENCY, hours: 3, limit: 1000, minIntervalMs: 0) "
					+ "{ rank well { id } } }", Map.of());
			JsonNode ranks = ws.next(id).get("wellRankingChanged");
			List<String> ranked = new ArrayList<>();
			ranks.forEach(rank -> ranked.add(rank.at("/well/id").asString()));
			assertThat(ranked).contains(this.bakkenWell).doesNotContain(this.permianWell);
			assertThat(ranks.at("/0/rank").asInt()).isEqualTo(1);
		}
	}

	private JsonNode get(String query, String token) {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> ids(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.at("/data/wells/edges").forEach(edge -> ids.add(edge.at("/node/id").asString()));
		return ids;
	}

	private void write(String well, Instant time) {
		WellgateHttp.Response written = this.http.post("/api/v1/telemetry", "application/x-ndjson",
				LiveSubscriptionTests.sample(well, time, 100), WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
	}

	private void field(String well, String field) {
		this.jdbc.sql("UPDATE wells SET field = :field WHERE id = :id").param("field", field).param("id", well).update();
	}

}
