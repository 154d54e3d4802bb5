package io.wellgate.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.TestTokens;
import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code wellgate.security.read-access=token}: reads need a JWT with {@code wells:read} or
 * an API key, each write its scope; bad tokens get RFC 6750 answers and are counted, never
 * logged; health stays open; browsers on the allowed origin may call, others not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.security.read-access=token",
				"wellgate.web.cors.allowed-origins=https://dash.example.com" })
@ExtendWith(OutputCaptureExtension.class)
class TokenAccessTests {

	private static final String QUERY = "{ wells(first: 1) { edges { node { id } } } }";

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.issuer()::jwkSetUri);
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void anAnonymousQueryIsUnauthorizedWithAProblemDocument() {
		HttpResponse<String> response = graphql(QUERY, null);

		assertThat(response.statusCode()).isEqualTo(401);
		// RFC 6750: no error code when no token was sent.
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer")
			.doesNotContain("error=");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json.readTree(response.body()).get("detail").asString()).contains("Authorization: Bearer");
	}

	@Test
	void aTokenWithTheReadScopeReadsAndOneWithoutIsForbidden() {
		HttpResponse<String> reader = graphql(QUERY, TestTokens.issuer().token("wells:read", (List<String>) null));
		HttpResponse<String> writer = graphql(QUERY, TestTokens.issuer().token("telemetry:write", (List<String>) null));

		assertThat(reader.statusCode()).isEqualTo(200);
		assertThat(json.readTree(reader.body()).get("errors")).as(reader.body()).isNull();
		JsonNode refused = json.readTree(writer.body());
		assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
		assertThat(refused.at("/errors/0/message").asString()).contains("wells:read");
		assertThat(refused.get("data") == null || refused.get("data").isNull()).isTrue();
	}

	@Test
	void theScpClaimAsAListGivesScopesToo() {
		String token = TestTokens.issuer().token(null, Map.of("scp", List.of("wells:read")));

		HttpResponse<String> response = graphql(QUERY, token);

		assertThat(json.readTree(response.body()).get("errors")).as(response.body()).isNull();
	}

	@Test
	void theApiKeyStillReadsAndWrites() {
		String well = "key-" + UUID.randomUUID();
		WellgateHttp http = new WellgateHttp(this.port);

		WellgateHttp.Response read = http.graphql(QUERY, Map.of(), WellgateHttp.TOKEN);
		WellgateHttp.Response written = http.post("/api/v1/telemetry", "application/x-ndjson",
				"{\"wellId\":\"" + well + "\",\"time\":\"" + Instant.now().minusSeconds(10) + "\",\"flowRate\":1}\n",
				WellgateHttp.TOKEN);

		assertThat(read.json().get("errors")).as(read.body()).isNull();
		assertThat(written.status()).as(written.body()).isEqualTo(200);
	}

	@Test
	void theSchemaNeedsATokenAndHealthDoesNot() {
		assertThat(get("/graphql/schema", null).statusCode()).isEqualTo(401);
		assertThat(get("/graphql/schema", TestTokens.issuer().token("wells:read", (List<String>) null)).statusCode())
			.isEqualTo(200);
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", WellgateHttp.TOKEN).statusCode()).isEqualTo(200);
	}

	@Test
	void theGraphiQlPageLoadsButItsRequestsNeedAToken() {
		String introspection = "{ __schema { queryType { name } } }";

		assertThat(get("/graphiql", null).statusCode()).isEqualTo(200);
		assertThat(graphql(introspection, null).statusCode()).isEqualTo(401);
		assertThat(json.readTree(graphql(introspection, TestTokens.issuer().token("wells:read", (List<String>) null)).body())
			.at("/data/__schema/queryType/name").asString()).isEqualTo("Query");
	}

	@Test
	void aTokenWithoutTelemetryWriteCannotIngestAndStoresNothing() {
		String well = "noscope-" + UUID.randomUUID();
		Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
		String reader = TestTokens.issuer().token("wells:read wells:write", (List<String>) null);

		HttpResponse<String> bulk = post("/api/v1/telemetry", "application/x-ndjson",
				"{\"wellId\":\"" + well + "\",\"time\":\"" + time + "\",\"flowRate\":1}\n", reader);
		HttpResponse<String> mutation = graphql("mutation { ingestTelemetry(samples: [{ wellId: \"" + well
				+ "\", time: \"" + time + "\", flowRate: 1 }]) { accepted } }", reader);

		assertThat(bulk.statusCode()).isEqualTo(403);
		assertThat(bulk.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");
		assertThat(json.readTree(bulk.body()).get("detail").asString()).contains("telemetry:write");
		assertThat(json.readTree(mutation.body()).at("/errors/0/extensions/classification").asString())
			.isEqualTo("FORBIDDEN");
		assertThat(this.jdbc.sql("SELECT count(*) FROM esp_telemetry WHERE well_id = :w").param("w", well)
			.query(Integer.class).single()).isZero();

		String writer = TestTokens.issuer().token("telemetry:write", (List<String>) null);
		assertThat(post("/api/v1/telemetry", "application/x-ndjson",
				"{\"wellId\":\"" + well + "\",\"time\":\"" + time + "\",\"flowRate\":1}\n", writer).statusCode())
			.isEqualTo(200);
	}

	@Test
	void refreshingAggregatesNeedsTheAdminScope() {
		String document = "mutation { refreshAggregates(aggregate: \"diagnostic_summary_daily\") { name } }";

		JsonNode writer = json.readTree(graphql(document,
				TestTokens.issuer().token("wells:read telemetry:write", (List<String>) null)).body());
		JsonNode admin = json.readTree(graphql(document,
				TestTokens.issuer().token("aggregates:admin", (List<String>) null)).body());

		assertThat(writer.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
		assertThat(admin.get("errors")).as(admin.toString()).isNull();
		assertThat(admin.at("/data/refreshAggregates/0/name").asString()).isEqualTo("diagnostic_summary_daily");
	}

	@Test
	void badTokensAreRefusedPerRfc6750CountedAndNeverLogged(CapturedOutput output) {
		String expired = TestTokens.issuer().expired("wells:read");
		String forged = TestTokens.issuer().forged("wells:read");
		double before = failures("expired") + failures("signature") + failures("invalid_token");

		HttpResponse<String> late = graphql(QUERY, expired);
		HttpResponse<String> fake = graphql(QUERY, forged);

		assertThat(late.statusCode()).isEqualTo(401);
		assertThat(late.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer error=\"invalid_token\"")
			.contains("expired");
		assertThat(fake.statusCode()).isEqualTo(401);
		assertThat(fake.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
		assertThat(failures("expired")).isGreaterThanOrEqualTo(1);
		assertThat(failures("expired") + failures("signature") + failures("invalid_token")).isEqualTo(before + 2);
		assertThat(output.getAll()).doesNotContain(expired).doesNotContain(forged)
			.doesNotContain(WellgateHttp.TOKEN + "\"").doesNotContain("Bearer " + WellgateHttp.TOKEN);
	}

	@Test
	void aPreflightFromTheAllowedOriginSucceedsAndFromAnotherDoesNot() {
		HttpResponse<String> allowed = preflight("https://dash.example.com");
		HttpResponse<String> other = preflight("https://evil.example.net");

		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dash.example.com");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("authorization");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void aCrossOriginReadFromTheAllowedOriginCarriesTheCorsHeaders() {
		HttpRequest request = HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.header("Origin", "https://dash.example.com")
			.header("Authorization", "Bearer " + TestTokens.issuer().token("wells:read", (List<String>) null))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", QUERY))))
			.build();

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dash.example.com");
	}

	private double failures(String reason) {
		var counter = this.meters.find("wellgate.security.token.failures").tag("reason", reason).counter();
		return (counter == null) ? 0 : counter.count();
	}

	private HttpResponse<String> preflight(String origin) {
		return send(HttpRequest.newBuilder(uri("/graphql"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.build());
	}

	private HttpResponse<String> graphql(String document, String token) {
		return post("/graphql", "application/json", json.writeValueAsString(Map.of("query", document)), token);
	}

	private HttpResponse<String> post(String path, String contentType, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofMinutes(1)).build(),
					HttpResponse.BodyHandlers.ofString());
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
