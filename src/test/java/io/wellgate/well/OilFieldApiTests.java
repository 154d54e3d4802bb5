package io.wellgate.well;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Oil fields over real HTTP: every fleet read filtered by a field holds that field's wells and
 * never a second field's, and a field's summary is the contract's formulas over all its wells'
 * samples (not an average of its wells).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OilFieldApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WellgateHttp http;

	String north;

	String south;

	List<String> northWells;

	String southWell;

	Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(4, ChronoUnit.HOURS);

	Instant to = this.from.plus(3, ChronoUnit.HOURS);

	@BeforeEach
	void twoFields() {
		this.http = new WellgateHttp(this.port);
		String prefix = "fld-" + UUID.randomUUID().toString().substring(0, 8);
		this.north = prefix + " North";
		this.south = prefix + " South";
		this.northWells = List.of(prefix + "-n1", prefix + "-n2");
		this.southWell = prefix + "-s1";
		StringBuilder wells = new StringBuilder("id,name,field\n");
		this.northWells.forEach(w -> wells.append(w).append(",N,").append(this.north).append('\n'));
		wells.append(this.southWell).append(",S,").append(this.south).append('\n');
		assertThat(this.http.post("/api/v1/wells", "text/csv", wells.toString(), WellgateHttp.TOKEN).status()).isEqualTo(200);
		StringBuilder samples = new StringBuilder();
		StringBuilder diagnostics = new StringBuilder();
		// The first north well has three times the samples of the second, and the best pump: an
		// average of the two wells' scores differs from the score over all their samples.
		addSamples(samples, this.northWells.get(0), 5, 0.8, 0.6);
		addSamples(samples, this.northWells.get(1), 15, 0.4, 0.1);
		addSamples(samples, this.southWell, 10, 0.6, 0.3);
		for (String well : List.of(this.northWells.get(0), this.northWells.get(1), this.southWell)) {
			diagnostics.append("""
					{"wellId":"%s","time":"%s","type":"PUMP_WEAR","severity":"MEDIUM","confidence":0.5}
					""".formatted(well, this.from.plusSeconds(90)));
		}
		post("/api/v1/telemetry", samples.toString());
		post("/api/v1/diagnostics", diagnostics.toString());
	}

	@Test
	void wellsOfAFieldAreItsWellsOnly() {
		JsonNode edges = query("query ($f: String) { wells(first: 1000, field: $f) { edges { node { id field } } } }",
				Map.of("f", this.north)).at("/data/wells/edges");

		assertThat(ids(edges, "/node/id")).containsExactlyElementsOf(this.northWells);
	}

	@Test
	void aRankingOfAFieldRanksItsWellsOnly() {
		JsonNode ranks = query("""
				query ($f: String, $from: DateTime, $to: DateTime) {
				  wellRanking(by: EFFICIENCY, from: $from, to: $to, field: $f, limit: 1000) { rank well { id } }
				}""", window(Map.of("f", this.north))).at("/data/wellRanking");

		assertThat(ids(ranks, "/well/id")).containsExactly(this.northWells.get(0), this.northWells.get(1));
		assertThat(ranks.get(0).get("rank").asInt()).isEqualTo(1);
	}

	@Test
	void aDiagnosticSummaryOfAFieldHoldsItsWellsOnlyAlsoWithWellIds() {
		JsonNode all = query("""
				query ($f: String) {
				  diagnosticSummary(days: 2, field: $f) { well { id } total }
				}""", Map.of("f", this.south)).at("/data/diagnosticSummary");
		JsonNode some = query("""
				query ($f: String, $ids: [ID!]) {
				  diagnosticSummary(days: 2, field: $f, wellIds: $ids) { well { id } total }
				}""", Map.of("f", this.north, "ids", List.of(this.northWells.get(1), this.southWell)))
			.at("/data/diagnosticSummary");

		assertThat(ids(all, "/well/id")).isNotEmpty().containsOnly(this.southWell);
		assertThat(ids(some, "/well/id")).isNotEmpty().containsOnly(this.northWells.get(1));
	}

	@Test
	void aFieldSummarizesAllItsWellsSamplesWithTheContractsFormulas() {
		JsonNode fields = query("""
				query ($from: DateTime, $to: DateTime) {
				  fields {
				    name wellCount
				    performanceSummary(from: $from, to: $to) { samples efficiencyScore healthScore anomalyCount }
				    wells(first: 1) { edges { node { id latest { time } } } pageInfo { hasNextPage } }
				  }
				}""", window(Map.of())).at("/data/fields");
		JsonNode north = null;
		JsonNode south = null;
		for (JsonNode field : fields) {
			north = field.get("name").asString().equals(this.north) ? field : north;
			south = field.get("name").asString().equals(this.south) ? field : south;
		}

		assertThat(north).isNotNull();
		assertThat(north.get("wellCount").asInt()).isEqualTo(2);
		assertThat(south.get("wellCount").asInt()).isEqualTo(1);
		Map<String, Object> truth = truth(this.northWells);
		JsonNode summary = north.get("performanceSummary");
		assertThat(summary.get("samples").asLong()).isEqualTo(((Number) truth.get("samples")).longValue());
		assertThat(summary.get("anomalyCount").asLong()).isEqualTo(((Number) truth.get("anomalies")).longValue());
		assertThat(summary.get("efficiencyScore").asDouble())
			.isCloseTo(((Number) truth.get("efficiency")).doubleValue(), within(1e-9));
		assertThat(summary.get("healthScore").asDouble()).isCloseTo(((Number) truth.get("health")).doubleValue(),
				within(1e-9));
		assertThat(ids(north.at("/wells/edges"), "/node/id")).containsExactly(this.northWells.get(0));
		assertThat(north.at("/wells/pageInfo/hasNextPage").asBoolean()).isTrue();
		assertThat(north.at("/wells/edges/0/node/latest/time").isString()).isTrue();
		assertThat(ids(south.at("/wells/edges"), "/node/id")).containsExactly(this.southWell);
	}

	/** The score over all the wells' samples in the window, as plain SQL over the raw rows. */
	private Map<String, Object> truth(List<String> wells) {
		return this.jdbc.sql("""
				SELECT count(*) AS samples,
				       100 * sum(flow_rate * (discharge_pressure - intake_pressure) * 1.2687e-5)
				           FILTER (WHERE flow_rate IS NOT NULL AND intake_pressure IS NOT NULL
				                     AND discharge_pressure IS NOT NULL AND power_kw > 0)
				         / sum(power_kw) FILTER (WHERE flow_rate IS NOT NULL AND intake_pressure IS NOT NULL
				                                   AND discharge_pressure IS NOT NULL AND power_kw > 0) AS efficiency,
				       greatest(0, least(100, 100 - 100 * (0.35 * count(*) FILTER (WHERE vibration > 0.5)
				           + 0.30 * count(*) FILTER (WHERE motor_temperature > 250)
				           + 0.20 * count(*) FILTER (WHERE motor_current > 80)
				           + 0.15 * count(*) FILTER (WHERE intake_pressure < 100))::float8 / count(*))) AS health,
				       count(*) FILTER (WHERE vibration > 0.5 OR motor_temperature > 250 OR motor_current > 80
				                          OR intake_pressure < 100) AS anomalies
				FROM esp_telemetry
				WHERE well_id = ANY(:wells)
				  AND time >= :from
				  AND time < :to
				""")
			.param("wells", wells.toArray(String[]::new))
			.param("from", java.sql.Timestamp.from(this.from))
			.param("to", java.sql.Timestamp.from(this.to))
			.query()
			.singleRow();
	}

	/** {@code every} minutes over the window; vibration breaches on a share of the samples. */
	private void addSamples(StringBuilder body, String well, int every, double efficiency, double breaching) {
		int i = 0;
		for (Instant t = this.from; t.isBefore(this.to); t = t.plus(every, ChronoUnit.MINUTES), i++) {
			double flow = 2000 + 10 * (i % 7);
			double hydraulic = flow * (3000 - 800) * 1.2687e-5;
			double vibration = (i % 10) < breaching * 10 ? 0.7 : 0.2;
			body.append("""
					{"wellId":"%s","time":"%s","flowRate":%s,"intakePressure":800,"dischargePressure":3000,"vibration":%s,"powerKw":%s}
					""".formatted(well, t, flow, vibration, hydraulic / efficiency));
		}
	}

	private void post(String path, String body) {
		Response response = this.http.post(path, "application/x-ndjson", body, WellgateHttp.TOKEN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private Map<String, Object> window(Map<String, Object> variables) {
		Map<String, Object> all = new java.util.HashMap<>(variables);
		all.put("from", this.from.toString());
		all.put("to", this.to.toString());
		return all;
	}

	private JsonNode query(String document, Map<String, Object> variables) {
		JsonNode response = this.http.graphql(document, variables, null).json();
		assertThat(response.get("errors")).as(response.toString()).isNull();
		return response;
	}

	private static List<String> ids(JsonNode list, String pointer) {
		List<String> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.at(pointer).asString()));
		return ids;
	}

}
