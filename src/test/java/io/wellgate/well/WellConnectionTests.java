package io.wellgate.well;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wells connections ({@code wells} and {@code OilField.wells}) on Spring for GraphQL's
 * connection support, over real HTTP: what the move onto {@code ScrollSubrange} and the
 * connection adapter could break. Paging a filtered list with {@code endCursor} reaches each well
 * once, in id order; a cursor is a position by id, whatever list it came from; the page-size
 * limits keep their error text (also for a negative size, which {@code ScrollSubrange} drops);
 * a cursor the service did not issue is a bad request naming {@code after}, and one issued before
 * the move still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WellConnectionTests {

	// language=GraphQL
	static final String WELLS = """
			query ($first: Int, $after: String, $field: String) {
			  wells(first: $first, after: $after, field: $field) {
			    edges { cursor node { id } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}""";

	// language=GraphQL
	static final String FIELD_WELLS = """
			query ($first: Int, $after: String) {
			  fields {
			    name
			    wells(first: $first, after: $after) {
			      edges { cursor node { id } }
			      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    }
			  }
			}""";

	static final String NOT_A_CURSOR = "after: not a cursor of this list; pass a pageInfo.endCursor or edge cursor";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WellgateHttp http;

	String prefix;

	String east;

	String west;

	List<String> eastWells;

	List<String> westWells;

	/** Seven wells of two fields, interleaved by id: {@code -1} east, {@code -2} west, ... */
	@BeforeEach
	void twoInterleavedFields() {
		this.http = new WellgateHttp(this.port);
		this.prefix = "conn-" + UUID.randomUUID().toString().substring(0, 8);
		this.east = this.prefix + " East";
		this.west = this.prefix + " West";
		this.eastWells = List.of(this.prefix + "-1", this.prefix + "-3", this.prefix + "-5", this.prefix + "-6");
		this.westWells = List.of(this.prefix + "-2", this.prefix + "-4", this.prefix + "-7");
		this.eastWells.forEach(id -> register(id, this.east));
		this.westWells.forEach(id -> register(id, this.west));
	}

	@Test
	void pagingAFieldWithEndCursorReachesEachOfItsWellsOnceInIdOrder() {
		for (int size : new int[] { 1, 2, 3, 4, 1000 }) {
			assertThat(walk(size, this.east, this::wellsPage)).as("pages of %d", size).isEqualTo(this.eastWells);
			assertThat(walk(size, this.west, this::wellsPage)).as("pages of %d", size).isEqualTo(this.westWells);
		}
	}

	@Test
	void pagingAnOilFieldsWellsWithEndCursorReachesEachOfItsWellsOnceInIdOrder() {
		for (int size : new int[] { 1, 2, 3, 4 }) {
			assertThat(walk(size, this.east, this::fieldWellsPage)).as("pages of %d", size).isEqualTo(this.eastWells);
		}
	}

	@Test
	void aCursorFromOneFieldsListContinuesAnotherListAfterTheSameId() {
		String firstEast = cursorOf(this.eastWells.get(0), this.east);
		String thirdEast = cursorOf(this.eastWells.get(2), this.east);
		String secondWest = cursorOf(this.westWells.get(1), this.west);

		assertThat(ids(wellsPage(1000, firstEast, this.west))).containsExactlyElementsOf(this.westWells);
		assertThat(ids(wellsPage(1000, thirdEast, this.west))).containsExactly(this.westWells.get(2));
		assertThat(ids(wellsPage(1, secondWest, null))).containsExactly(this.eastWells.get(2));
		JsonNode page = wellsPage(1, thirdEast, this.west);
		assertThat(page.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
		assertThat(page.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
	}

	@Test
	void thePageAfterTheLastWellIsEmptyWithoutCursors() {
		JsonNode page = wellsPage(2, cursorOf(this.eastWells.get(3), this.east), this.east);

		assertThat(page.get("edges")).isEmpty();
		assertThat(page.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
		assertThat(page.at("/pageInfo/startCursor").isNull()).isTrue();
		assertThat(page.at("/pageInfo/endCursor").isNull()).isTrue();
		// Spring's connection support answers every empty page with its one empty connection;
		// Relay allows false here when paging forward.
		assertThat(page.at("/pageInfo/hasPreviousPage").asBoolean()).isFalse();
	}

	@Test
	void aCursorHeldFromBeforeTheConnectionSupportStillContinuesTheList() {
		String held = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("well:" + this.eastWells.get(1)).getBytes(StandardCharsets.UTF_8));

		assertThat(cursorOf(this.eastWells.get(1), this.east)).isEqualTo(held);
		assertThat(ids(wellsPage(2, held, this.east))).containsExactly(this.eastWells.get(2), this.eastWells.get(3));
	}

	@ParameterizedTest(name = "first: {0}")
	@ValueSource(ints = { 0, -1, 1001 })
	void aPageSizeOutOfRangeIsABadRequestWithTheSameTextOnBothLists(int first) {
		Map<String, Object> variables = variables(first, null, this.east);

		JsonNode wells = graphql(WELLS, variables);
		assertThat(wells.get("errors")).as(wells.toString()).hasSize(1);
		assertBadRequest(wells, "first", "first: must be between 1 and 1000, got " + first);
		if (first < 1000) {
			// Above it the cost limit refuses fields { wells } before anything runs.
			assertBadRequest(graphql(FIELD_WELLS, variables), "first", "first: must be between 1 and 1000, got " + first);
		}
	}

	@Test
	void anExplicitlyNullPageSizeIsABadRequest() {
		assertBadRequest(graphql(WELLS, variables(null, null, this.east)), "first",
				"first: must be between 1 and 1000, got null");
	}

	@Test
	void aTamperedCursorIsABadRequestNamingAfterOnBothLists() {
		String cursor = cursorOf(this.eastWells.get(0), this.east);
		String springDefault = Base64.getEncoder()
			.encodeToString(("K_{\"id\":\"" + this.eastWells.get(0) + "\"}").getBytes(StandardCharsets.UTF_8));
		List<String> tampered = List.of((cursor.charAt(0) == 'e' ? "f" : "e") + cursor.substring(1), cursor + "!", "",
				"*" + cursor, springDefault);

		for (String after : tampered) {
			JsonNode wells = graphql(WELLS, variables(2, after, this.east));
			assertThat(wells.get("errors")).as(wells.toString()).hasSize(1);
			assertBadRequest(wells, "after", NOT_A_CURSOR);
			assertBadRequest(graphql(FIELD_WELLS, variables(2, after, null)), "after", NOT_A_CURSOR);
		}
	}

	/** The ids of {@code field}'s wells, paging {@code size} at a time from the first page on. */
	private List<String> walk(int size, String field, Pager pager) {
		List<String> walked = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			JsonNode page = pager.page(size, after, field);
			JsonNode edges = page.get("edges");
			JsonNode info = page.get("pageInfo");
			assertThat(edges.size()).as(page.toString()).isBetween(1, size);
			assertThat(info.get("hasPreviousPage").asBoolean()).isEqualTo(after != null);
			assertThat(info.get("startCursor").asString()).isEqualTo(edges.get(0).get("cursor").asString());
			assertThat(info.get("endCursor").asString()).isEqualTo(edges.get(edges.size() - 1).get("cursor").asString());
			walked.addAll(ids(page));
			assertThat(walked.size()).as("more pages than wells").isLessThanOrEqualTo(7);
			more = info.get("hasNextPage").asBoolean();
			after = info.get("endCursor").asString();
		}
		return walked;
	}

	private JsonNode wellsPage(int first, String after, String field) {
		return data(graphql(WELLS, variables(first, after, field))).get("wells");
	}

	private JsonNode fieldWellsPage(int first, String after, String field) {
		for (JsonNode oilField : data(graphql(FIELD_WELLS, variables(first, after, null))).get("fields")) {
			if (oilField.get("name").asString().equals(field)) {
				return oilField.get("wells");
			}
		}
		throw new AssertionError("no field " + field);
	}

	private String cursorOf(String well, String field) {
		for (JsonNode edge : wellsPage(1000, null, field).get("edges")) {
			if (edge.at("/node/id").asString().equals(well)) {
				return edge.get("cursor").asString();
			}
		}
		throw new AssertionError("no well " + well + " in " + field);
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("edges").forEach(edge -> ids.add(edge.at("/node/id").asString()));
		return ids;
	}

	private static Map<String, Object> variables(Integer first, String after, String field) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("first", first);
		variables.put("after", after);
		variables.put("field", field);
		return variables;
	}

	private JsonNode graphql(String document, Map<String, Object> variables) {
		WellgateHttp.Response response = this.http.graphql(document, variables, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode data(JsonNode response) {
		assertThat(response.get("errors")).as(response.toString()).isNull();
		return response.get("data");
	}

	/** Every error (one per oil field for {@code fields}) is this bad request, and nothing else. */
	private static void assertBadRequest(JsonNode response, String argument, String message) {
		JsonNode errors = response.get("errors");
		assertThat(errors).as(response.toString()).isNotEmpty();
		for (JsonNode error : errors) {
			assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
			assertThat(error.at("/extensions/argument").asString()).isEqualTo(argument);
			assertThat(error.get("message").asString()).isEqualTo(message);
		}
		assertThat(response.toString()).doesNotContain("Exception").doesNotContain("at io.");
	}

	private void register(String id, String field) {
		this.jdbc.sql("INSERT INTO wells (id, field) VALUES (:id, :field)").param("id", id).param("field", field).update();
	}

	/** One page of a field's wells from one of the two lists. */
	interface Pager {

		JsonNode page(int first, String after, String field);

	}

}
