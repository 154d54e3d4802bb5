package io.wellgate.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every query of the contract over real HTTP, against a small known fleet written through the
 * bulk endpoints: each answer equals the ground truth computed with plain SQL over the raw rows,
 * in the contract's order, and every limit is a {@code BAD_REQUEST} naming its argument.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTests {

	static final String RANGE = " { avg min max }";

	static final String DISTRIBUTION = " { avg min max stddev median }";

	// language=GraphQL
	static final String HOURLY = """
			query ($id: ID!, $hours: Int, $from: DateTime, $to: DateTime) {
			  well(id: $id) { hourly(hours: $hours, from: $from, to: $to) { bucket samples %s } }
			}
			""".formatted(metrics(RANGE));

	// language=GraphQL
	static final String DAILY = """
			query ($id: ID!, $days: Int, $from: DateTime, $to: DateTime) {
			  well(id: $id) { daily(days: $days, from: $from, to: $to) { day samples %s } }
			}
			""".formatted(metrics(DISTRIBUTION));

	// language=GraphQL
	static final String PERFORMANCE = """
			query ($id: ID!, $hours: Int, $from: DateTime, $to: DateTime) {
			  well(id: $id) {
			    performance(hours: $hours, from: $from, to: $to) { bucket samples efficiencyScore healthScore anomalyCount }
			    performanceSummary(hours: $hours, from: $from, to: $to) { from to samples efficiencyScore healthScore anomalyCount }
			  }
			}
			""";

	static final String SUMMARY_FIELDS = """
			well { id } day total bySeverity { low medium high critical } byType { type count } confidence { avg min max }""";

	// language=GraphQL
	static final String DIAGNOSTICS = """
			query ($id: ID!, $from: DateTime, $to: DateTime) {
			  well(id: $id) { diagnostics(from: $from, to: $to) { %s } }
			}
			""".formatted(SUMMARY_FIELDS);

	// language=GraphQL
	static final String FLEET_DIAGNOSTICS = """
			query ($wellIds: [ID!], $from: DateTime, $to: DateTime) {
			  diagnosticSummary(wellIds: $wellIds, from: $from, to: $to) { %s }
			}
			""".formatted(SUMMARY_FIELDS);

	// language=GraphQL
	static final String RANKING = """
			query ($by: RankBy!, $from: DateTime, $to: DateTime) {
			  wellRanking(by: $by, from: $from, to: $to, limit: 1000) {
			    rank score well { id } summary { from to samples efficiencyScore healthScore anomalyCount }
			  }
			}
			""";

	// language=GraphQL
	static final String WELLS = """
			query ($first: Int, $after: String) {
			  wells(first: $first, after: $after) {
			    edges { cursor node { id } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WellgateHttp http;

	RawTruth truth;

	List<String> wells;

	Instant now = Instant.now();

	/** The start of the current hour, and of the current UTC day. */
	Instant hour = this.now.truncatedTo(ChronoUnit.HOURS);

	Instant day = this.now.truncatedTo(ChronoUnit.DAYS);

	@BeforeAll
	void writeFleet() {
		this.http = new WellgateHttp(this.port);
		this.truth = new RawTruth(this.jdbc);
		String prefix = "api-" + UUID.randomUUID().toString().substring(0, 8);
		this.wells = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
		TestFleet.write(this.http, this.wells, this.now, Duration.ofDays(3), 42);
	}

	@Test
	void wellIsFoundByIdAndAnUnknownIdIsNull() {
		JsonNode data = data(query("""
				query ($id: ID!, $unknown: ID!) {
				  known: well(id: $id) { id name field }
				  unknown: well(id: $unknown) { id }
				}
				""", Map.of("id", this.wells.get(0), "unknown", this.wells.get(0) + "-nope")));

		assertThat(data.at("/known/id").asString()).isEqualTo(this.wells.get(0));
		assertThat(data.get("unknown").isNull()).isTrue();
	}

	@Test
	void hourlyOfAnExplicitWindowEqualsTheRawRowsInBucketOrder() {
		// Not aligned: the first bucket is the first hour starting at or after from.
		Instant from = this.hour.minus(48, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES);
		Instant to = this.hour.minus(12, ChronoUnit.HOURS);
		for (String well : this.wells) {
			JsonNode hourly = data(query(HOURLY, window(well, null, null, from, to))).at("/well/hourly");

			assertThat(hourly).hasSize(35);
			assertHourly(well, this.truth.hourly(List.of(well), from, to), hourly);
		}
	}

	@Test
	void hourlyOfTheLastHoursEqualsTheRawRows() {
		Instant now = awayFromAnHourBoundary();
		for (String well : this.wells) {
			JsonNode hourly = data(query(HOURLY, window(well, "hours", 24, null, null))).at("/well/hourly");

			assertHourly(well, this.truth.hourly(List.of(well), now.minus(24, ChronoUnit.HOURS), now.plusSeconds(3600)),
					hourly);
		}
	}

	@Test
	void everySeriesOfAWindowWithoutDataIsEmpty() {
		Instant from = this.hour.minus(400, ChronoUnit.DAYS);
		Instant to = from.plus(1, ChronoUnit.DAYS);
		JsonNode well = data(query("""
				query ($id: ID!, $from: DateTime, $to: DateTime) {
				  well(id: $id) {
				    hourly(from: $from, to: $to) { bucket }
				    daily(from: $from, to: $to) { day }
				    performance(from: $from, to: $to) { bucket }
				    performanceSummary(from: $from, to: $to) { from to samples efficiencyScore healthScore anomalyCount }
				    diagnostics(from: $from, to: $to) { day }
				  }
				}
				""", window(this.wells.get(0), null, null, from, to))).get("well");

		assertThat(well.get("hourly")).isEmpty();
		assertThat(well.get("daily")).isEmpty();
		assertThat(well.get("performance")).isEmpty();
		assertThat(well.get("diagnostics")).isEmpty();
		JsonNode summary = well.get("performanceSummary");
		assertThat(instant(summary.get("from"))).isEqualTo(from);
		assertThat(instant(summary.get("to"))).isEqualTo(to);
		assertThat(summary.get("samples").asInt()).isZero();
		assertThat(summary.get("anomalyCount").asInt()).isZero();
		assertThat(summary.get("efficiencyScore").isNull()).isTrue();
		assertThat(summary.get("healthScore").isNull()).isTrue();
	}

	@Test
	void dailyEqualsTheRawRowsWithSampleStddevAndExactMedian() {
		Instant from = this.day.minus(3, ChronoUnit.DAYS);
		Instant to = this.day.plus(1, ChronoUnit.DAYS);
		for (String well : this.wells) {
			JsonNode daily = data(query(DAILY, window(well, null, null, from, to))).at("/well/daily");

			assertDaily(well, this.truth.daily(List.of(well), from, to), daily);
		}
	}

	@Test
	void dailyOfTheLastDaysEqualsTheRawRows() {
		Instant now = awayFromAnHourBoundary();
		for (String well : this.wells) {
			JsonNode daily = data(query(DAILY, window(well, "days", 2, null, null))).at("/well/daily");

			assertDaily(well, this.truth.daily(List.of(well), now.minus(2, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)),
					daily);
		}
	}

	@Test
	void performanceIsTheContractFormulasPerHourAndOverTheWholeWindow() {
		Instant from = this.hour.minus(72, ChronoUnit.HOURS);
		Instant to = this.hour.plus(1, ChronoUnit.HOURS);
		for (String well : this.wells) {
			JsonNode answer = data(query(PERFORMANCE, window(well, null, null, from, to))).get("well");

			assertPerformance(well, this.truth.performance(List.of(well), from, to, true), answer.get("performance"));
			JsonNode summary = answer.get("performanceSummary");
			assertThat(instant(summary.get("from"))).isEqualTo(from);
			assertThat(instant(summary.get("to"))).isEqualTo(to);
			assertScores(well, this.truth.performance(List.of(well), from, to, false).get(0), summary);
		}
	}

	@Test
	void performanceOfTheLastHoursIsTheFormulasOverThoseHours() {
		Instant now = awayFromAnHourBoundary();
		for (String well : this.wells) {
			JsonNode answer = data(query(PERFORMANCE, window(well, "hours", 24, null, null))).get("well");

			Instant from = now.minus(24, ChronoUnit.HOURS);
			assertPerformance(well, this.truth.performance(List.of(well), from, now.plusSeconds(3600), true),
					answer.get("performance"));
			JsonNode summary = answer.get("performanceSummary");
			assertThat(Duration.between(instant(summary.get("from")), instant(summary.get("to")))).isEqualTo(Duration.ofHours(24));
			assertThat(instant(summary.get("from"))).isBetween(from.minusSeconds(60), from.plusSeconds(60));
			assertScores(well, this.truth.performance(List.of(well), from, now.plusSeconds(3600), false).get(0), summary);
		}
	}

	@Test
	void wellDiagnosticsEqualTheRawFindingsPerDay() {
		Instant from = this.day.minus(3, ChronoUnit.DAYS);
		Instant to = this.day.plus(1, ChronoUnit.DAYS);
		for (String well : this.wells) {
			JsonNode diagnostics = data(query(DIAGNOSTICS, window(well, null, null, from, to))).at("/well/diagnostics");

			assertDiagnostics(this.truth.diagnostics(List.of(well), from, to), diagnostics);
		}
	}

	@Test
	void diagnosticSummaryOfSomeWellsIsOrderedByDayThenWellId() {
		Instant from = this.day.minus(3, ChronoUnit.DAYS);
		Instant to = this.day.plus(1, ChronoUnit.DAYS);
		Map<String, Object> variables = window(null, null, null, from, to);
		variables.put("wellIds", this.wells);
		JsonNode summaries = data(query(FLEET_DIAGNOSTICS, variables)).get("diagnosticSummary");

		assertDiagnostics(this.truth.diagnostics(this.wells, from, to), summaries);
	}

	@Test
	void diagnosticSummaryWithoutWellIdsCoversTheWholeFleetByDayThenWellId() {
		Instant from = this.day.minus(3, ChronoUnit.DAYS);
		Instant to = this.day.plus(1, ChronoUnit.DAYS);
		JsonNode summaries = data(query(FLEET_DIAGNOSTICS, window(null, null, null, from, to))).get("diagnosticSummary");

		List<String> days = new ArrayList<>();
		List<JsonNode> ours = new ArrayList<>();
		for (JsonNode summary : summaries) {
			days.add(summary.get("day").asString());
			if (this.wells.contains(summary.at("/well/id").asString())) {
				ours.add(summary);
			}
		}
		assertThat(days).isSorted();
		assertDiagnostics(this.truth.diagnostics(this.wells, from, to), ours);
	}

	@ParameterizedTest
	@CsvSource({ "EFFICIENCY, efficiencyScore, 0, 1, 2", "HEALTH, healthScore, 2, 1, 0" })
	void rankingIsBestScoreFirstWithConsecutiveRanks(String by, String score, int first, int second, int third) {
		Instant from = this.hour.minus(72, ChronoUnit.HOURS);
		Instant to = this.hour.plus(1, ChronoUnit.HOURS);
		Map<String, Object> variables = window(null, null, null, from, to);
		variables.put("by", by);
		JsonNode ranking = data(query(RANKING, variables)).get("wellRanking");

		List<String> ours = new ArrayList<>();
		JsonNode previous = null;
		for (int i = 0; i < ranking.size(); i++) {
			JsonNode rank = ranking.get(i);
			assertThat(rank.get("rank").asInt()).isEqualTo(i + 1);
			assertThat(rank.get("score")).isEqualTo(rank.at("/summary/" + score));
			assertThat(rank.at("/summary/samples").asInt()).isPositive();
			if (previous != null) {
				assertRankedAfter(previous, rank);
			}
			previous = rank;
			String id = rank.at("/well/id").asString();
			if (this.wells.contains(id)) {
				ours.add(id);
				assertThat(instant(rank.at("/summary/from"))).isEqualTo(from);
				assertThat(instant(rank.at("/summary/to"))).isEqualTo(to);
				assertScores(id, this.truth.performance(List.of(id), from, to, false).get(0), rank.get("summary"));
			}
		}
		assertThat(ours).containsExactly(this.wells.get(first), this.wells.get(second), this.wells.get(third));
	}

	@Test
	void rankedWellsAreTheRegistrysEvenThroughAFragment() {
		Map<String, Map<String, Object>> registry = new HashMap<>();
		this.jdbc.sql("SELECT id, name, field FROM wells").query().listOfRows()
			.forEach(row -> registry.put((String) row.get("id"), row));
		JsonNode ranking = data(query("""
				query { wellRanking(by: HEALTH, hours: 2160, limit: 1000) { rank ...Ranked } }
				fragment Ranked on WellRank { well { id name field } }
				""", Map.of())).get("wellRanking");

		assertThat(ranking.size()).isPositive();
		for (JsonNode rank : ranking) {
			Map<String, Object> well = registry.get(rank.at("/well/id").asString());
			assertThat(well).as(rank.toString()).isNotNull();
			assertThat(rank.at("/well/name").isNull() ? null : rank.at("/well/name").asString()).isEqualTo(well.get("name"));
			assertThat(rank.at("/well/field").isNull() ? null : rank.at("/well/field").asString()).isEqualTo(well.get("field"));
		}
	}

	@Test
	void wellsPagesWalkEveryWellOnceInIdOrder() {
		List<String> expected = this.jdbc.sql("SELECT id FROM wells ORDER BY id").query(String.class).list();
		assertThat(expected).containsAll(this.wells);
		for (int size : new int[] { 1, 2 }) {
			List<String> walked = new ArrayList<>();
			String after = null;
			boolean more = true;
			while (more) {
				Map<String, Object> variables = new HashMap<>();
				variables.put("first", size);
				if (after != null) {
					variables.put("after", after);
				}
				JsonNode page = data(query(WELLS, variables)).get("wells");
				JsonNode edges = page.get("edges");
				JsonNode info = page.get("pageInfo");
				assertThat(edges.size()).isBetween(1, size);
				assertThat(info.get("hasPreviousPage").asBoolean()).isEqualTo(after != null);
				assertThat(info.get("startCursor").asString()).isEqualTo(edges.get(0).get("cursor").asString());
				assertThat(info.get("endCursor").asString()).isEqualTo(edges.get(edges.size() - 1).get("cursor").asString());
				edges.forEach(edge -> walked.add(edge.at("/node/id").asString()));
				more = info.get("hasNextPage").asBoolean();
				after = info.get("endCursor").asString();
				assertThat(walked.size()).as("more pages than wells").isLessThanOrEqualTo(expected.size());
			}
			assertThat(walked).as("pages of %d", size).isEqualTo(expected);
		}
		JsonNode all = data(query(WELLS, Map.of("first", 1000))).get("wells");
		assertThat(all.get("edges")).hasSize(Math.min(expected.size(), 1000));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{ wells(first: 0) { edges { cursor } } }                                                   | first
			{ wells(first: 1001) { edges { cursor } } }                                                | first
			{ wells(first: 2, after: "not-a-cursor") { edges { cursor } } }                            | after
			{ well(id: "{w}") { hourly(hours: 0) { bucket } } }                                         | hours
			{ well(id: "{w}") { hourly(hours: 2161) { bucket } } }                                      | hours
			{ well(id: "{w}") { performance(hours: 2161) { bucket } } }                                 | hours
			{ well(id: "{w}") { performanceSummary(hours: 0) { samples } } }                            | hours
			{ well(id: "{w}") { daily(days: 91) { day } } }                                             | days
			{ well(id: "{w}") { diagnostics(days: 0) { day } } }                                        | days
			{ diagnosticSummary(days: 91) { day } }                                                     | days
			{ wellRanking(by: HEALTH, hours: 2161) { rank } }                                           | hours
			{ wellRanking(by: HEALTH, limit: 1001) { rank } }                                           | limit
			{ wellRanking(by: HEALTH, limit: 0) { rank } }                                              | limit
			{ well(id: "{w}") { hourly(from: "2026-01-01T00:00:00Z") { bucket } } }                     | to
			{ well(id: "{w}") { hourly(to: "2026-01-01T00:00:00Z") { bucket } } }                       | from
			{ well(id: "{w}") { daily(from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { day } } } | from
			{ well(id: "{w}") { hourly(from: "2026-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { bucket } } } | from
			{ well(id: "{w}") { hourly(from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:01Z") { bucket } } } | to
			{ diagnosticSummary(from: "2026-01-01T00:00:00Z", to: "2026-06-01T00:00:00Z") { day } }     | to
			{ wellRanking(by: EFFICIENCY, from: "2026-01-01T00:00:00Z") { rank } }                      | to
			""")
	void eachLimitIsABadRequestNamingTheArgument(String document, String argument) {
		JsonNode response = query(document.replace("{w}", this.wells.get(0)), Map.of());

		JsonNode errors = response.get("errors");
		assertThat(errors).as(response.toString()).hasSize(1);
		assertThat(errors.get(0).at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(errors.get(0).at("/extensions/argument").asString()).isEqualTo(argument);
		assertThat(errors.get(0).get("message").asString()).startsWith(argument + ": ");
	}

	@Test
	void aWindowOfExactlyNinetyDaysIsAccepted() {
		data(query(HOURLY, window(this.wells.get(0), null, null, this.hour.minus(90, ChronoUnit.DAYS), this.hour)));
		data(query(HOURLY, window(this.wells.get(0), "hours", 2160, null, null)));
		data(query(DAILY, window(this.wells.get(0), "days", 90, null, null)));
	}

	@Test
	void serviceSdlDeclaresWellAnEntityKeyedById() {
		String sdl = data(query("{ _service { sdl } }", Map.of())).at("/_service/sdl").asString();

		assertThat(sdl).containsPattern("type Well @key\\(fields ?: ?\"id\"");
	}

	@Test
	void entitiesResolveSeveralWellsInOneRequestInOrder() {
		Instant from = this.hour.minus(72, ChronoUnit.HOURS);
		Instant to = this.hour.plus(1, ChronoUnit.HOURS);
		List<Map<String, Object>> representations = List.of(Map.of("__typename", "Well", "id", this.wells.get(2)),
				Map.of("__typename", "Well", "id", this.wells.get(0)));
		JsonNode entities = data(query("""
				query ($representations: [_Any!]!, $from: DateTime, $to: DateTime) {
				  _entities(representations: $representations) {
				    ... on Well { id performanceSummary(from: $from, to: $to) { samples healthScore } }
				  }
				}
				""", Map.of("representations", representations, "from", from.toString(), "to", to.toString()))).get("_entities");

		assertThat(entities).hasSize(2);
		assertThat(entities.get(0).get("id").asString()).isEqualTo(this.wells.get(2));
		assertThat(entities.get(1).get("id").asString()).isEqualTo(this.wells.get(0));
		for (JsonNode entity : entities) {
			String id = entity.get("id").asString();
			Map<String, Object> expected = this.truth.performance(List.of(id), from, to, false).get(0);
			assertThat(entity.at("/performanceSummary/samples").asLong()).isEqualTo(expected.get("samples"));
			assertNumber(id + " healthScore", expected.get("healthScore"), entity.at("/performanceSummary/healthScore"));
		}
	}

	@Test
	void aggregateStatusListsTheFourAggregates() {
		JsonNode statuses = data(query("{ aggregateStatus { name watermark lagSeconds pendingInvalidations } }", Map.of()))
			.get("aggregateStatus");

		List<String> names = new ArrayList<>();
		statuses.forEach(status -> {
			names.add(status.get("name").asString());
			assertThat(status.get("pendingInvalidations").asInt()).isNotNegative();
		});
		assertThat(names).containsExactlyInAnyOrder("telemetry_hourly", "telemetry_daily", "well_performance_hourly",
				"diagnostic_summary_daily");
	}

	@Test
	void refreshAggregatesWithoutTheTokenIsUnauthorized() {
		JsonNode response = this.http.graphql("mutation { refreshAggregates { name } }", Map.of(), null).json();

		assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("UNAUTHORIZED");
		assertNoLeak(response);
	}

	@Test
	void readsStayExactAfterARefreshOfEveryAggregate() {
		Instant from = this.day.minus(3, ChronoUnit.DAYS);
		Instant to = this.hour.plus(1, ChronoUnit.HOURS);
		JsonNode response = this.http.graphql("""
				mutation ($from: DateTime, $to: DateTime) {
				  refreshAggregates(from: $from, to: $to) { name watermark lastRefreshAt lastRefreshOutcome }
				}
				""", Map.of("from", from.toString(), "to", to.toString()), WellgateHttp.TOKEN).json();

		JsonNode statuses = data(response).get("refreshAggregates");
		assertThat(statuses).hasSize(4);
		statuses.forEach(status -> {
			assertThat(status.get("watermark").isNull()).as(status.toString()).isFalse();
			assertThat(status.get("lastRefreshAt").isNull()).as(status.toString()).isFalse();
		});
		for (String well : this.wells) {
			assertHourly(well, this.truth.hourly(List.of(well), from, to),
					data(query(HOURLY, window(well, null, null, from, to))).at("/well/hourly"));
			assertDaily(well, this.truth.daily(List.of(well), from, to),
					data(query(DAILY, window(well, null, null, from, to))).at("/well/daily"));
			JsonNode performance = data(query(PERFORMANCE, window(well, null, null, from, to))).get("well");
			assertPerformance(well, this.truth.performance(List.of(well), from, to, true), performance.get("performance"));
			assertScores(well, this.truth.performance(List.of(well), from, to, false).get(0),
					performance.get("performanceSummary"));
			assertDiagnostics(this.truth.diagnostics(List.of(well), from, to),
					data(query(DIAGNOSTICS, window(well, null, null, from, to))).at("/well/diagnostics"));
		}
	}

	private JsonNode query(String document, Map<String, Object> variables) {
		WellgateHttp.Response response = this.http.graphql(document, variables, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode json = response.json();
		assertNoLeak(json);
		return json;
	}

	/** Errors tell the user what to change, never how the service is built. */
	private static void assertNoLeak(JsonNode response) {
		JsonNode errors = response.get("errors");
		if (errors != null) {
			assertThat(errors.toString()).doesNotContain("Exception", "at io.", "SELECT");
		}
	}

	private static JsonNode data(JsonNode response) {
		assertThat(response.get("errors")).as(response.toString()).isNull();
		return response.get("data");
	}

	private static Map<String, Object> window(String well, String sizeName, Integer size, Instant from, Instant to) {
		Map<String, Object> variables = new HashMap<>();
		if (well != null) {
			variables.put("id", well);
		}
		if (sizeName != null) {
			variables.put(sizeName, size);
		}
		if (from != null) {
			variables.put("from", from.toString());
			variables.put("to", to.toString());
		}
		return variables;
	}

	/** The time now, at least five seconds before the next full hour (so a relative window is the one expected). */
	private static Instant awayFromAnHourBoundary() {
		Instant now = Instant.now();
		Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
		if (Duration.between(now, next).toSeconds() < 5) {
			try {
				Thread.sleep(Duration.between(now, next).plusSeconds(1).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Instant.now();
		}
		return now;
	}

	private static void assertHourly(String well, List<Map<String, Object>> expected, JsonNode actual) {
		assertThat(actual).as(well + " buckets").hasSize(expected.size());
		assertThat(expected).as("ground truth of " + well).isNotEmpty();
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> row = expected.get(i);
			JsonNode bucket = actual.get(i);
			String what = well + " " + bucket.get("bucket").asString();
			assertThat(instant(bucket.get("bucket")).getEpochSecond()).as(what).isEqualTo(row.get("bucket"));
			assertThat(bucket.get("samples").asLong()).as(what).isEqualTo(row.get("samples"));
			for (String metric : RawTruth.METRICS.keySet()) {
				for (String stat : List.of("avg", "min", "max")) {
					assertNumber(what + " " + metric + "." + stat, row.get(metric + "_" + stat), bucket.get(metric).get(stat));
				}
			}
		}
	}

	private static void assertDaily(String well, List<Map<String, Object>> expected, JsonNode actual) {
		assertThat(actual).as(well + " days").hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> row = expected.get(i);
			JsonNode day = actual.get(i);
			String what = well + " " + row.get("day");
			assertThat(day.get("day").asString()).isEqualTo(row.get("day"));
			assertThat(day.get("samples").asLong()).as(what).isEqualTo(row.get("samples"));
			for (String metric : RawTruth.METRICS.keySet()) {
				for (String stat : List.of("avg", "min", "max", "stddev", "median")) {
					assertNumber(what + " " + metric + "." + stat, row.get(metric + "_" + stat), day.get(metric).get(stat));
				}
			}
		}
	}

	private static void assertPerformance(String well, List<Map<String, Object>> expected, JsonNode actual) {
		assertThat(actual).as(well + " performance").hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			JsonNode bucket = actual.get(i);
			assertThat(instant(bucket.get("bucket")).getEpochSecond()).isEqualTo(expected.get(i).get("bucket"));
			assertScores(well + " " + bucket.get("bucket").asString(), expected.get(i), bucket);
		}
	}

	private static void assertScores(String what, Map<String, Object> expected, JsonNode actual) {
		assertThat(actual.get("samples").asLong()).as(what + " samples").isEqualTo(expected.get("samples"));
		assertThat(actual.get("anomalyCount").asLong()).as(what + " anomalyCount").isEqualTo(expected.get("anomalyCount"));
		assertNumber(what + " efficiencyScore", expected.get("efficiencyScore"), actual.get("efficiencyScore"));
		assertNumber(what + " healthScore", expected.get("healthScore"), actual.get("healthScore"));
	}

	private void assertDiagnostics(List<Map<String, Object>> expected, Iterable<JsonNode> actual) {
		List<JsonNode> summaries = new ArrayList<>();
		actual.forEach(summaries::add);
		assertThat(expected).isNotEmpty();
		assertThat(summaries.stream().map(s -> s.get("day").asString() + " " + s.at("/well/id").asString()).toList())
			.containsExactlyElementsOf(expected.stream().map(r -> r.get("day") + " " + r.get("well_id")).toList());
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> row = expected.get(i);
			JsonNode summary = summaries.get(i);
			String what = row.get("well_id") + " " + row.get("day");
			assertThat(summary.get("total").asLong()).as(what).isEqualTo(row.get("total"));
			for (String severity : List.of("low", "medium", "high", "critical")) {
				assertThat(summary.at("/bySeverity/" + severity).asLong()).as(what + " " + severity)
					.isEqualTo(row.get(severity));
			}
			Map<String, Long> types = new HashMap<>();
			List<String> order = new ArrayList<>();
			summary.get("byType").forEach(t -> {
				types.put(t.get("type").asString(), t.get("count").asLong());
				order.add(t.get("type").asString());
			});
			assertThat(types).as(what + " byType").isEqualTo(this.truth.types((String) row.get("well_id"), (String) row.get("day")));
			assertThat(order).as(what + " byType order").isSortedAccordingTo(
					(a, b) -> Integer.compare(List.of(TestFleet.TYPES).indexOf(a), List.of(TestFleet.TYPES).indexOf(b)));
			for (String stat : List.of("avg", "min", "max")) {
				assertNumber(what + " confidence." + stat, row.get("confidence_" + stat), summary.at("/confidence/" + stat));
			}
		}
	}

	/** Score descending, nulls last, then id ascending. */
	private static void assertRankedAfter(JsonNode previous, JsonNode rank) {
		JsonNode a = previous.get("score");
		JsonNode b = rank.get("score");
		String order = previous + " before " + rank;
		if (a.isNull()) {
			assertThat(b.isNull()).as(order).isTrue();
		}
		if (a.isNull() || b.isNull() || a.asDouble() == b.asDouble()) {
			if (a.isNull() == b.isNull()) {
				assertThat(previous.at("/well/id").asString()).as(order).isLessThan(rank.at("/well/id").asString());
			}
		}
		else {
			assertThat(a.asDouble()).as(order).isGreaterThan(b.asDouble());
		}
	}

	static void assertNumber(String what, Object expected, JsonNode actual) {
		assertThat(actual).as(what + " is in the answer").isNotNull();
		if (expected == null) {
			assertThat(actual.isNull()).as(what + " is null, got " + actual).isTrue();
			return;
		}
		double e = ((Number) expected).doubleValue();
		assertThat(actual.isNumber()).as(what + " is a number, got " + actual).isTrue();
		assertThat(actual.asDouble()).as(what).isCloseTo(e, within(Math.max(1e-12, Math.abs(e) * 1e-9)));
	}

	static Instant instant(JsonNode dateTime) {
		return OffsetDateTime.parse(dateTime.asString()).toInstant();
	}

	private static String metrics(String selection) {
		return RawTruth.METRICS.keySet().stream().map(m -> m + selection).collect(Collectors.joining(" "));
	}

}
