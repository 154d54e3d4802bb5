package io.wellgate.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven REST analytics calls over real HTTP: each answers the same numbers as the GraphQL
 * field it stands for, over the same window, and a bad parameter or an unknown well is an
 * RFC 9457 problem (400 naming the parameter, 404).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsRestApiTests {

	static final String RANGE = " { avg min max }";

	@LocalServerPort
	int port;

	WellgateHttp http;

	List<String> wells;

	String field;

	Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);

	Instant from = this.to.minus(Duration.ofHours(30));

	Instant dayTo = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

	Instant dayFrom = this.dayTo.minus(Duration.ofDays(3));

	@BeforeAll
	void writeAFleetInAField() {
		this.http = new WellgateHttp(this.port);
		String prefix = "rest-" + UUID.randomUUID().toString().substring(0, 8);
		this.wells = IntStream.range(0, 3).mapToObj(i -> prefix + "-" + i).toList();
		this.field = prefix + " field";
		StringBuilder csv = new StringBuilder("id,name,field\n");
		this.wells.forEach(w -> csv.append(w).append(",Well ").append(w).append(',').append(this.field).append('\n'));
		assertThat(this.http.post("/api/v1/wells", "text/csv", csv.toString(), WellgateHttp.TOKEN).status()).isEqualTo(200);
		TestFleet.write(this.http, this.wells, Instant.now(), Duration.ofHours(26), 13);
	}

	@Test
	void hourlyIsWellHourly() {
		String well = this.wells.get(0);
		JsonNode rest = get("/api/v1/analytics/wells/" + well + "/hourly?from=" + this.from + "&to=" + this.to);
		JsonNode graphql = graphql("query ($id: ID!, $from: DateTime, $to: DateTime) { well(id: $id) { hourly(from: $from, to: $to) { bucket samples "
				+ metrics(RANGE) + " } } }", Map.of("id", well, "from", this.from.toString(), "to", this.to.toString()))
			.at("/data/well/hourly");

		assertThat(graphql.size()).isGreaterThan(20);
		assertSameNumbers(rest, graphql, "hourly");
	}

	@Test
	void dailyIsWellDaily() {
		String well = this.wells.get(1);
		JsonNode rest = get("/api/v1/analytics/wells/" + well + "/daily?from=" + this.dayFrom + "&to=" + this.dayTo);
		JsonNode graphql = graphql("query ($id: ID!, $from: DateTime, $to: DateTime) { well(id: $id) { daily(from: $from, to: $to) { day samples "
				+ metrics(" { avg min max stddev median }") + " } } }",
				Map.of("id", well, "from", this.dayFrom.toString(), "to", this.dayTo.toString()))
			.at("/data/well/daily");

		assertThat(graphql.size()).isGreaterThanOrEqualTo(2);
		assertSameNumbers(rest, graphql, "daily");
	}

	@Test
	void performanceIsWellPerformance() {
		String well = this.wells.get(2);
		JsonNode rest = get("/api/v1/analytics/wells/" + well + "/performance?from=" + this.from + "&to=" + this.to);
		JsonNode graphql = graphql("query ($id: ID!, $from: DateTime, $to: DateTime) { well(id: $id) { performance(from: $from, to: $to) { bucket samples efficiencyScore healthScore anomalyCount } } }",
				Map.of("id", well, "from", this.from.toString(), "to", this.to.toString()))
			.at("/data/well/performance");

		assertThat(graphql.size()).isGreaterThan(20);
		assertSameNumbers(rest, graphql, "performance");
	}

	@Test
	void theDiagnosticSummaryIsDiagnosticSummary() {
		JsonNode rest = get("/api/v1/analytics/diagnostics/summary?field=" + enc(this.field) + "&from=" + this.dayFrom
				+ "&to=" + this.dayTo);
		JsonNode graphql = graphql("query ($f: String, $from: DateTime, $to: DateTime) { diagnosticSummary(field: $f, from: $from, to: $to) { day total bySeverity { low medium high critical } byType { type count } confidence { avg min max } } }",
				Map.of("f", this.field, "from", this.dayFrom.toString(), "to", this.dayTo.toString()))
			.at("/data/diagnosticSummary");

		assertThat(graphql.size()).isGreaterThanOrEqualTo(3);
		assertSameNumbers(rest, graphql, "diagnosticSummary");
		rest.forEach(row -> assertThat(this.wells).contains(row.get("wellId").asString()));
	}

	@Test
	void allPerformanceIsEveryWellsPerformanceSummary() {
		JsonNode rest = get("/api/v1/analytics/wells/performance/all?field=" + enc(this.field) + "&from=" + this.from
				+ "&to=" + this.to);
		JsonNode graphql = graphql("query ($f: String, $from: DateTime, $to: DateTime) { wells(first: 1000, field: $f) { edges { node { wellId: id name field summary: performanceSummary(from: $from, to: $to) { from to samples efficiencyScore healthScore anomalyCount } } } } }",
				Map.of("f", this.field, "from", this.from.toString(), "to", this.to.toString()))
			.at("/data/wells/edges");

		assertThat(rest.size()).isEqualTo(3);
		for (int i = 0; i < graphql.size(); i++) {
			assertSameNumbers(rest.get(i), graphql.get(i).get("node"), "performance/all[" + i + "]");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "efficiency, EFFICIENCY", "health, HEALTH" })
	void aRankingIsWellRanking(String path, String by) {
		JsonNode rest = get("/api/v1/analytics/wells/ranking/" + path + "?limit=2&field=" + enc(this.field) + "&from="
				+ this.from + "&to=" + this.to);
		JsonNode graphql = graphql("query ($f: String, $from: DateTime, $to: DateTime) { wellRanking(by: " + by
				+ ", limit: 2, field: $f, from: $from, to: $to) { rank score summary { samples efficiencyScore healthScore anomalyCount } } }",
				Map.of("f", this.field, "from", this.from.toString(), "to", this.to.toString()))
			.at("/data/wellRanking");

		assertThat(graphql.size()).isEqualTo(2);
		assertSameNumbers(rest, graphql, path);
		assertThat(rest.get(0).get("name").asString()).startsWith("Well ");
	}

	@Test
	void theSeedsRelativeWindowsAnswerToo() {
		String well = this.wells.get(0);

		assertThat(get("/api/v1/analytics/wells/" + well + "/hourly?hours=24").size()).isBetween(23, 25);
		assertThat(get("/api/v1/analytics/wells/" + well + "/daily?days=7").size()).isBetween(2, 3);
		assertThat(get("/api/v1/analytics/wells/" + well + "/performance?hours=24").size()).isBetween(23, 25);
		assertThat(get("/api/v1/analytics/diagnostics/summary?days=7").size()).isPositive();
		assertThat(get("/api/v1/analytics/wells/performance/all?hours=24").size()).isPositive();
		assertThat(get("/api/v1/analytics/wells/ranking/efficiency?hours=24&limit=10").size()).isBetween(1, 10);
		assertThat(get("/api/v1/analytics/wells/ranking/health?hours=24&limit=10").size()).isBetween(1, 10);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			hours out of range    | /wells/{w}/hourly?hours=0                      | hours | must be between 1 and 2160
			hours not a number    | /wells/{w}/performance?hours=abc               | hours | must be an integer
			days out of range     | /wells/{w}/daily?days=91                       | days  | must be between 1 and 90
			limit out of range    | /wells/ranking/health?limit=5000               | limit | must be between 1 and 1000
			from without to       | /wells/ranking/efficiency?from=2026-01-01T00:00:00Z | to | from and to go together
			from not a time       | /diagnostics/summary?from=yesterday&to=2026-01-01T00:00:00Z | from | RFC 3339
			""")
	void aBadParameterIsA400NamingIt(String why, String path, String parameter, String detail) {
		Response response = this.http.get("/api/v1/analytics" + path.replace("{w}", this.wells.get(0)));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
		assertThat(response.json().get("detail").asString()).contains(detail);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

	@Test
	void anUnknownWellIsA404() {
		Response response = this.http.get("/api/v1/analytics/wells/no-such-well-" + UUID.randomUUID() + "/hourly");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("no-such-well");
	}

	/** Every value GraphQL answered is in the REST answer, equal (times compared as instants). */
	static void assertSameNumbers(JsonNode rest, JsonNode graphql, String where) {
		if (graphql.isArray()) {
			assertThat(rest.isArray()).as(where).isTrue();
			assertThat(rest.size()).as(where).isEqualTo(graphql.size());
			for (int i = 0; i < graphql.size(); i++) {
				assertSameNumbers(rest.get(i), graphql.get(i), where + "[" + i + "]");
			}
		}
		else if (graphql.isObject()) {
			for (Map.Entry<String, JsonNode> entry : graphql.properties()) {
				assertThat(rest.has(entry.getKey())).as(where + "." + entry.getKey() + " in " + rest).isTrue();
				assertSameNumbers(rest.get(entry.getKey()), entry.getValue(), where + "." + entry.getKey());
			}
		}
		else if (graphql.isNumber()) {
			assertThat(rest.asDouble()).as(where).isEqualTo(graphql.asDouble());
		}
		else if (graphql.isString() && instant(graphql.asString()) != null) {
			assertThat(instant(rest.asString())).as(where).isEqualTo(instant(graphql.asString()));
		}
		else {
			assertThat(rest).as(where).isEqualTo(graphql);
		}
	}

	private static Instant instant(String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private JsonNode get(String path) {
		Response response = this.http.get(path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode graphql(String document, Map<String, Object> variables) {
		JsonNode response = this.http.graphql(document, new HashMap<>(variables), null).json();
		assertThat(response.get("errors")).as(response.toString()).isNull();
		return response;
	}

	private static String metrics(String selection) {
		return String.join(" ", List.of("flowRate", "intakePressure", "dischargePressure", "motorCurrent", "motorVoltage",
				"motorTemperature", "intakeTemperature", "vibration", "frequency", "powerKw")
			.stream()
			.map(m -> m + selection)
			.toList());
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
