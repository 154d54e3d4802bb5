package io.wellgate.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With reads behind a token, a browser's graphql-ws connection (no header on its handshake) is
 * authenticated by the token in {@code connection_init}, and one without a token reads nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.security.read-access=token", "wellgate.aggregates.hourly-refresh=0s",
				"wellgate.aggregates.daily-refresh=0s" })
class TokenSubscriptionTests {

	private static final String CHANGED = "subscription ($ids: [ID!]) { wellChanged(ids: $ids, minIntervalMs: 0) { well { id } } }";

	@LocalServerPort
	int port;

	@Test
	void theTokenInConnectionInitAuthenticatesTheConnection() {
		String well = "wsauth-" + UUID.randomUUID().toString().substring(0, 8);
		try (GraphQlWs ws = GraphQlWs.connectWithInit(this.port, Map.of("Authorization", "Bearer " + WellgateHttp.TOKEN))) {
			String id = ws.subscribe(CHANGED, Map.of("ids", List.of(well)));
			JsonNode push = ws.nextAfter(id, () -> write(well));
			assertThat(push).isNotNull();
			assertThat(push.at("/wellChanged/well/id").asString()).isEqualTo(well);
		}
	}

	@Test
	void aConnectionWithoutATokenReadsNothing() {
		try (GraphQlWs ws = GraphQlWs.connectWithInit(this.port, Map.of())) {
			String id = ws.subscribe(CHANGED, Map.of("ids", List.of("anything")));
			JsonNode message = ws.message(id);
			assertThat(message.toString()).doesNotContain("\"wellChanged\":{");
			assertThat(message.toString()).containsAnyOf("FORBIDDEN", "UNAUTHORIZED");
		}
	}

	private void write(String well) {
		WellgateHttp.Response written = new WellgateHttp(this.port).post("/api/v1/telemetry", "application/x-ndjson",
				LiveSubscriptionTests.sample(well, Instant.now().truncatedTo(ChronoUnit.SECONDS), 100), WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
	}

}
