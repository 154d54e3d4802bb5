package io.wellgate.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.TestTokens;
import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's fields claim limits it to those fields' wells in every path: a second field's wells,
 * values and ranks never appear, whether asked directly, through aliases, fragments, entities,
 * batched loads shared with visible wells, or written to. Each test makes two fields of its own
 * (unique names: the suite shares one database), two wells in each, with an hour of samples.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.aggregates.hourly-refresh=0s", "wellgate.aggregates.daily-refresh=0s" })
class FieldTenancyTests {

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.issuer()::jwkSetUri);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WellgateHttp http;

	String permian;

	String bakken;

	List<String> permianWells;

	List<String> bakkenWells;

	String permianToken;

	@BeforeEach
	void twoFieldsOfTwoWells() {
		this.http = new WellgateHttp(this.port);
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.permian = "Permian-" + run;
		this.bakken = "Bakken-" + run;
		// Ids that interleave, so that no order or paging separates the fields by chance.
		this.permianWells = List.of("ten-" + run + "-a", "ten-" + run + "-c");
		this.bakkenWells = List.of("ten-" + run + "-b", "ten-" + run + "-d");
		StringBuilder samples = new StringBuilder();
		StringBuilder diagnostics = new StringBuilder();
		// Two hours ago: yesterday's UTC day in the first two hours after midnight, so the
		// diagnostics are read over two days.
		Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);
		List<String> all = new ArrayList<>(this.permianWells);
		all.addAll(this.bakkenWells);
		for (int w = 0; w < all.size(); w++) {
			for (int m = 0; m < 60; m += 5) {
				// Bakken's wells are the more efficient: a ranking across fields would put them first.
				double power = this.bakkenWells.contains(all.get(w)) ? 40 : 90;
				samples.append("""
						{"wellId":"%s","time":"%s","flowRate":1500,"intakePressure":800,"dischargePressure":3000,"powerKw":%s,"vibration":0.2}
						""".formatted(all.get(w), start.plus(m, ChronoUnit.MINUTES), power + w));
			}
			diagnostics.append("""
					{"wellId":"%s","time":"%s","type":"GAS_LOCK","severity":"HIGH","confidence":0.9}
					""".formatted(all.get(w), start));
		}
		assertThat(this.http.post("/api/v1/telemetry", "application/x-ndjson", samples.toString(), WellgateHttp.TOKEN)
			.status()).isEqualTo(200);
		assertThat(this.http.post("/api/v1/diagnostics", "application/x-ndjson", diagnostics.toString(),
				WellgateHttp.TOKEN).status()).isEqualTo(200);
		for (String well : this.permianWells) {
			field(well, this.permian);
		}
		for (String well : this.bakkenWells) {
			field(well, this.bakken);
		}
		this.permianToken = TestTokens.issuer().token("wells:read telemetry:write", List.of(this.permian));
	}

	@Test
	void wellOfAnotherFieldIsNullAsIfUnknown() {
		JsonNode data = read("query ($p: ID!, $b: ID!) { p: well(id: $p) { id field } b: well(id: $b) { id field } }",
				Map.of("p", this.permianWells.get(0), "b", this.bakkenWells.get(0)), this.permianToken);

		assertThat(data.at("/p/field").asString()).isEqualTo(this.permian);
		assertThat(data.get("b").isNull()).isTrue();
	}

	@Test
	void wellsPagesOnlyThroughTheTokensFields() {
		List<String> seen = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = read("query ($after: String) { wells(first: 1, after: $after) { edges { node { id field } } "
					+ "pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after),
					this.permianToken).get("wells");
			page.get("edges").forEach(edge -> seen.add(edge.at("/node/id").asString()));
			after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asString() : null;
		}
		while (after != null);

		assertThat(seen).containsAll(this.permianWells).doesNotContainAnyElementsOf(this.bakkenWells);
	}

	@Test
	void rankingIsComputedWithinTheTokensFields() {
		JsonNode ranks = read("{ wellRanking(by: EFFICIENCY, hours: 3, limit: 1000) { rank score well { id field } } }",
				Map.of(), this.permianToken).get("wellRanking");

		assertThat(ranks).hasSize(2);
		assertThat(ranks.at("/0/rank").asInt()).isEqualTo(1);
		assertThat(ranks.at("/1/rank").asInt()).isEqualTo(2);
		assertThat(List.of(ranks.at("/0/well/id").asString(), ranks.at("/1/well/id").asString()))
			.containsExactlyInAnyOrderElementsOf(this.permianWells);
		// Without the claim, the same ranking holds both fields, Bakken's wells first.
		JsonNode everyone = read("{ wellRanking(by: EFFICIENCY, hours: 3, limit: 1000) { rank well { id } } }",
				Map.of(), TestTokens.issuer().token("wells:read", (List<String>) null)).get("wellRanking");
		List<String> ids = new ArrayList<>();
		everyone.forEach(rank -> ids.add(rank.at("/well/id").asString()));
		assertThat(ids).containsAll(this.bakkenWells).containsAll(this.permianWells);
	}

	@Test
	void diagnosticSummaryHoldsOnlyTheTokensWellsAskedOrNot() {
		JsonNode fleet = read("{ diagnosticSummary(days: 2) { well { id } total } }", Map.of(), this.permianToken)
			.get("diagnosticSummary");
		JsonNode asked = read("query ($ids: [ID!]) { diagnosticSummary(days: 2, wellIds: $ids) { well { id } total } }",
				Map.of("ids", List.of(this.permianWells.get(0), this.bakkenWells.get(0))), this.permianToken)
			.get("diagnosticSummary");

		assertThat(wellIds(fleet)).containsExactlyInAnyOrderElementsOf(this.permianWells);
		assertThat(wellIds(asked)).containsExactly(this.permianWells.get(0));
	}

	@Test
	void entitiesOfAnotherFieldAreNull() {
		JsonNode entities = read("query ($r: [_Any!]!) { _entities(representations: $r) { ... on Well { id field } } }",
				Map.of("r", List.of(Map.of("__typename", "Well", "id", this.bakkenWells.get(0)),
						Map.of("__typename", "Well", "id", this.permianWells.get(1)))),
				this.permianToken).get("_entities");

		assertThat(entities.get(0).isNull()).isTrue();
		assertThat(entities.at("/1/id").asString()).isEqualTo(this.permianWells.get(1));
	}

	@Test
	void aliasesFragmentsAndSharedBatchesNeverCarryAnotherFieldsValues() {
		// One request, the same batched fields (hourly, performanceSummary, diagnostics) asked for
		// wells of both fields, through aliases and a fragment: the loads are shared, the answers not.
		String document = """
				query ($p: ID!, $b: ID!) {
				  p: well(id: $p) { ...Values }
				  b: well(id: $b) { ...Values }
				  page: wells(first: 1000) { edges { node { id ...Values } } }
				  ranked: wellRanking(by: HEALTH, hours: 3, limit: 1000) { well { id ...Values } }
				}
				fragment Values on Well { id field hourly(hours: 3) { samples } performanceSummary(hours: 3) { samples }
				  diagnostics(days: 2) { total well { id } } }
				""";
		Response response = this.http.graphql(document,
				Map.of("p", this.permianWells.get(0), "b", this.bakkenWells.get(0)), this.permianToken);

		assertThat(response.json().get("errors")).as(response.body()).isNull();
		assertThat(response.json().at("/data/p/performanceSummary/samples").asInt()).isEqualTo(12);
		assertThat(response.json().at("/data/b").isNull()).isTrue();
		for (String hidden : this.bakkenWells) {
			assertThat(response.body()).doesNotContain(hidden).doesNotContain(this.bakken);
		}
	}

	@Test
	void aTokenWithoutTheClaimSeesEveryField() {
		JsonNode data = read("query ($b: ID!) { well(id: $b) { field } }", Map.of("b", this.bakkenWells.get(0)),
				TestTokens.issuer().token("wells:read", (List<String>) null));

		assertThat(data.at("/well/field").asString()).isEqualTo(this.bakken);
	}

	@Test
	void aBulkWriteNamingAWellOfAnotherFieldIsRefusedWholeAndStoresNothing() {
		Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
		String body = """
				{"wellId":"%s","time":"%s","flowRate":1}
				{"wellId":"%s","time":"%s","flowRate":1}
				""".formatted(this.permianWells.get(0), time, this.bakkenWells.get(0), time);

		Response refused = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, this.permianToken);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("wells").get(0).asString()).isEqualTo(this.bakkenWells.get(0));
		assertThat(refused.json().get("detail").asString()).contains(this.permian).contains("nothing was stored");
		assertThat(samplesAt(time)).isZero();

		Response own = this.http.post("/api/v1/telemetry", "application/x-ndjson", """
				{"wellId":"%s","time":"%s","flowRate":1}
				""".formatted(this.permianWells.get(0), time), this.permianToken);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(samplesAt(time)).isEqualTo(1);
	}

	@Test
	void aWriteToAWellNotRegisteredInTheTokensFieldsIsRefused() {
		Response refused = this.http.post("/api/v1/diagnostics", "application/x-ndjson", """
				{"wellId":"unregistered-%s","time":"%s","type":"NORMAL","severity":"LOW","confidence":0.5}
				""".formatted(UUID.randomUUID(), Instant.now().minusSeconds(60)), this.permianToken);

		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void aMutationNamingAWellOfAnotherFieldIsForbiddenAndStoresNothing() {
		Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
		Response response = this.http.graphql("""
				mutation ($s: [TelemetrySampleInput!]!) { ingestTelemetry(samples: $s) { accepted } }
				""", Map.of("s", List.of(Map.of("wellId", this.permianWells.get(1), "time", time.toString(), "flowRate", 2),
				Map.of("wellId", this.bakkenWells.get(1), "time", time.toString(), "flowRate", 2))), this.permianToken);

		assertThat(response.json().at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
		assertThat(response.json().at("/errors/0/extensions/wells/0").asString()).isEqualTo(this.bakkenWells.get(1));
		assertThat(samplesAt(time)).isZero();
	}

	@Test
	void fieldsAndTheFieldFilterListOnlyTheTokensFields() {
		JsonNode data = read("query ($b: String) { fields { name wellCount wells(first: 100) { edges { node { id } } } } "
				+ "other: wells(field: $b) { edges { node { id } } } }", Map.of("b", this.bakken), this.permianToken);

		List<String> names = new ArrayList<>();
		data.get("fields").forEach(field -> names.add(field.get("name").asString()));
		assertThat(names).contains(this.permian).doesNotContain(this.bakken);
		assertThat(data.at("/other/edges")).isEmpty();
	}

	@Test
	void theRestCallsSeeOnlyTheTokensFields() {
		Response ranking = this.http.get("/api/v1/analytics/wells/ranking/efficiency?hours=3&limit=1000", this.permianToken);
		assertThat(ranking.status()).as(ranking.body()).isEqualTo(200);
		List<String> ranked = new ArrayList<>();
		ranking.json().forEach(rank -> ranked.add(rank.get("wellId").asString()));
		assertThat(ranked).containsExactlyInAnyOrderElementsOf(this.permianWells);

		Response other = this.http.get("/api/v1/analytics/wells/" + this.bakkenWells.get(0) + "/hourly?hours=3",
				this.permianToken);
		assertThat(other.status()).isEqualTo(404);
	}

	@Test
	void aRegistryWriteCannotTakeAnotherFieldsWell() {
		String writer = TestTokens.issuer().token("wells:read wells:write", List.of(this.permian));
		String body = """
				{"id":"%s","name":"taken","field":"%s"}
				""".formatted(this.bakkenWells.get(0), this.permian);
		Response refused = this.http.post("/api/v1/wells", "application/x-ndjson", body, writer);

		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		String field = this.jdbc.sql("SELECT field FROM wells WHERE id = :id")
			.param("id", this.bakkenWells.get(0))
			.query(String.class)
			.single();
		assertThat(field).isEqualTo(this.bakken);
		// Its own field's wells it may describe.
		Response own = this.http.post("/api/v1/wells", "application/x-ndjson", """
				{"id":"%s","name":"mine","field":"%s"}
				""".formatted(this.permianWells.get(0), this.permian), writer);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
	}

	private JsonNode read(String document, Map<String, Object> variables, String token) {
		Response response = this.http.graphql(document, variables, token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("errors")).as(response.body()).isNull();
		return response.json().get("data");
	}

	private long samplesAt(Instant time) {
		List<String> all = new ArrayList<>(this.permianWells);
		all.addAll(this.bakkenWells);
		return this.jdbc.sql("SELECT count(*) FROM esp_telemetry WHERE well_id = ANY(:wells) AND time = :time")
			.param("wells", all.toArray(String[]::new))
			.param("time", java.sql.Timestamp.from(time))
			.query(Long.class)
			.single();
	}

	private void field(String well, String field) {
		this.jdbc.sql("UPDATE wells SET field = :field WHERE id = :id").param("field", field).param("id", well).update();
	}

	private static List<String> wellIds(JsonNode rows) {
		List<String> ids = new ArrayList<>();
		rows.forEach(row -> ids.add(row.at("/well/id").asString()));
		return ids.stream().distinct().toList();
	}

}
