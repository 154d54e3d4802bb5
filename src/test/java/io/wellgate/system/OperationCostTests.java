package io.wellgate.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost limit counts the rows an operation asks for, not the fields it writes: list fields
 * multiplied by their sizes, fragments expanded, aliases counted, variables applied; the default
 * admits a dashboard's fleet page and refuses the 200-alias query, with its estimate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationCostTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	DocumentCache documents;

	@Test
	void twoHundredAliasesOfNinetyDailyRowsPerWellAreRefusedWithTheirEstimate() {
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i < 200; i++) {
			document.append(" a").append(i).append(": wells(first: 1000) { edges { node { daily(days: 90) { day } } } }");
		}
		JsonNode response = query(document.append(" }").toString(), Map.of(), Map.of());

		JsonNode error = response.at("/errors/0");
		// Per alias: wells, edges, 1,000 nodes and daily lists, 1,000 x 91 days.
		long perAlias = 1 + 1 + 1000 + 1000 + 1000 * 91;
		assertThat(error.at("/extensions/cost/estimate").asLong()).isEqualTo(200 * perAlias);
		assertThat(error.at("/extensions/cost/limit").asLong()).isEqualTo(1_000_000);
		assertThat(error.get("message").asString()).startsWith("The operation's estimated cost is 18600400 values")
			.contains("the maximum cost is 1000000");
		assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(response.get("data") == null || response.get("data").isNull()).isTrue();
	}

	@Test
	void aPageOfAThousandWellsWithADayOfHourlyMetricsIsAdmitted() {
		JsonNode response = query("""
				{ wells(first: 1000) { edges { node { id hourly(hours: 24) { bucket samples
				  flowRate { avg min max } motorTemperature { avg min max } vibration { avg min max }
				  powerKw { avg min max } } } } } }
				""", Map.of(), Map.of("cost", true));

		assertThat(response.get("errors")).as(response.toString()).isNull();
		// wells, edges; per well node, id, hourly; per bucket (25) bucket, samples, 4 x (range + 3).
		long expected = 2 + 1000 * 3 + 1000 * 25 * (2 + 4 * 4);
		assertThat(response.at("/extensions/cost/estimate").asLong()).isEqualTo(expected);
		assertThat(response.at("/extensions/cost/limit").asLong()).isEqualTo(1_000_000);
	}

	@Test
	void fragmentsAreExpandedAndVariablesApplied() {
		String document = """
				query ($n: Int, $h: Int) { wells(first: $n) { edges { node { ...Series } } } }
				fragment Series on Well { hourly(hours: $h) { samples } }
				""";

		long small = query(document, Map.of("n", 10, "h", 10), Map.of("cost", true)).at("/extensions/cost/estimate").asLong();
		long large = query(document, Map.of("n", 100, "h", 10), Map.of("cost", true)).at("/extensions/cost/estimate").asLong();

		// wells, edges, then per well node and hourly, per well and bucket (11) samples.
		assertThat(small).isEqualTo(2 + 10 * 2 + 10 * 11);
		assertThat(large).isEqualTo(2 + 100 * 2 + 100 * 11);
	}

	@Test
	void anOperationWhoseVariablesSizeNothingIsEstimatedOnce() {
		String document = "query ($id: ID!) { well(id: $id) { hourly(hours: 24) { samples } } }";
		long first = cost(document, Map.of("id", "cost-well-1"));
		long estimates = this.documents.estimates();

		long second = cost(document, Map.of("id", "cost-well-2"));
		long third = cost(document, Map.of("id", "cost-well-3"));

		// well, hourly, and samples in each of 25 buckets.
		assertThat(List.of(first, second, third)).containsOnly(1L + 1 + 25);
		assertThat(this.documents.estimates()).as("estimates after the first request").isEqualTo(estimates);
	}

	@Test
	void variablesThatSizeAListOrIncludeAFieldAreEstimatedOnEveryRequest() {
		String sized = "query ($n: Int) { wellRanking(by: HEALTH, limit: $n) { rank } }";
		String included = "query ($more: Boolean!) { wellRanking(by: HEALTH, limit: 5) { rank well @include(if: $more) { id } } }";

		assertThat(cost(sized, Map.of("n", 3))).isEqualTo(1 + 3);
		assertThat(cost(sized, Map.of("n", 7))).isEqualTo(1 + 7);
		assertThat(cost(included, Map.of("more", true))).isEqualTo(1 + 5 + 5 + 5);
		assertThat(cost(included, Map.of("more", false))).isEqualTo(1 + 5);
	}

	@Test
	void anExplicitWindowCountsItsBuckets() {
		JsonNode response = query("""
				{ well(id: "cost-probe") { performance(from: "2026-11-01T00:00:00Z", to: "2026-11-03T00:00:00Z") { bucket }
				  daily(from: "2026-11-01T00:00:00Z", to: "2026-11-03T00:00:00Z") { day } } }
				""", Map.of(), Map.of("cost", true));

		// well, performance, 48 hourly buckets, daily, 2 days.
		assertThat(response.at("/extensions/cost/estimate").asLong()).isEqualTo(1 + 1 + 48 + 1 + 2);
	}

	@Test
	void aFleetSummaryCountsItsWellsTimesItsDays() {
		long fleet = query("{ diagnosticSummary(from: \"2026-11-01T00:00:00Z\", to: \"2026-11-03T00:00:00Z\") { total } }",
				Map.of(), Map.of("cost", true)).at("/extensions/cost/estimate").asLong();
		long some = query("{ diagnosticSummary(days: 6, wellIds: [\"a\", \"b\", \"c\"]) { total } }", Map.of(),
				Map.of("cost", true)).at("/extensions/cost/estimate").asLong();

		// The list, then a row per well (1,000 assumed for the fleet) and day.
		assertThat(fleet).isEqualTo(1 + 1000 * 2);
		assertThat(some).isEqualTo(1 + 3 * 7);
	}

	@Test
	void theEstimateIsReportedOnlyWhenAsked() {
		JsonNode plain = query("{ wells(first: 5) { edges { node { id } } } }", Map.of(), Map.of());

		assertThat(plain.at("/extensions/cost").isMissingNode()).isTrue();
	}

	@Test
	void theEstimateCanBeAskedWithAHeader() {
		WellgateHttp.Response response = new WellgateHttp(this.port).postWithHeader("/graphql",
				json.writeValueAsString(Map.of("query", "{ wellRanking(by: HEALTH, limit: 7) { rank } }")),
				"Wellgate-Cost", "true");

		// The list itself, and its 7 ranks.
		assertThat(response.json().at("/extensions/cost/estimate").asLong()).isEqualTo(1 + 7);
	}

	private long cost(String document, Map<String, Object> variables) {
		JsonNode response = query(document, variables, Map.of("cost", true));
		assertThat(response.get("errors")).as(response.toString()).isNull();
		return response.at("/extensions/cost/estimate").asLong();
	}

	private JsonNode query(String document, Map<String, Object> variables, Map<String, Object> extensions) {
		String body = json.writeValueAsString(Map.of("query", document, "variables", variables, "extensions", extensions));
		return new WellgateHttp(this.port).post("/graphql", "application/json", body, null).json();
	}

}
