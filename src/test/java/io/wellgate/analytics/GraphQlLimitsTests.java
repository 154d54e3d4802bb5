package io.wellgate.analytics;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's protective limits, each with a clear error, and its observability: metrics per
 * operation and data fetcher, and a log line per slow operation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.graphql.max-depth=6", "wellgate.graphql.max-complexity=40",
				"wellgate.graphql.max-document-size=2KB", "wellgate.graphql.slow-threshold=0ms" })
@ExtendWith(OutputCaptureExtension.class)
class GraphQlLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void aTooDeepOperationIsRefused() {
		JsonNode response = query("{ wellRanking(by: HEALTH) { well { performance { bucket } diagnostics { well { "
				+ "diagnostics { well { id } } } } } } }");

		assertThat(response.at("/errors/0/message").asString())
			.isEqualTo("The operation's depth is 7 nested fields; the maximum depth is 6");
		assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		JsonNode data = response.get("data");
		assertThat(data == null || data.isNull()).as("no data for a refused operation").isTrue();
	}

	@Test
	void aTooComplexOperationIsRefused() {
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i < 50; i++) {
			fields.append(" a").append(i).append(": well(id: \"x\") { id }");
		}
		JsonNode response = query("{" + fields + " }");

		assertThat(response.at("/errors/0/message").asString())
			.isEqualTo("The operation's complexity is 100 fields; the maximum complexity is 40");
	}

	@Test
	void aFragmentCannotHideDepth() {
		JsonNode response = query("{ wellRanking(by: HEALTH) { ...Deep } } fragment Deep on WellRank { well { "
				+ "diagnostics { well { diagnostics { well { id } } } } } }");

		assertThat(response.at("/errors/0/message").asString()).contains("depth is 7");
	}

	@Test
	void fragmentsSpreadIntoOneAnotherAreRefusedWithoutBeingExpanded() {
		// Twenty fragments, each spreading the next twice: 2^20 fields once expanded.
		StringBuilder document = new StringBuilder("{ well(id: \"x\") { ...f0 } } fragment f20 on Well { id }");
		for (int i = 0; i < 20; i++) {
			document.append(" fragment f").append(i).append(" on Well { x: diagnostics { well { ...f").append(i + 1)
				.append(" } } y: diagnostics { well { ...f").append(i + 1).append(" } } }");
		}
		JsonNode response = new WellgateHttp(this.port).graphql(document.toString(), Map.of(), null).json();

		assertThat(response.at("/errors/0/message").asString())
			.isEqualTo("The operation's depth is 42 nested fields; the maximum depth is 6");
	}

	@Test
	void theOperationChosenByNameIsTheOneMeasured() {
		String document = "query Shallow { wells { edges { node { id } } } } query Deep { wellRanking(by: HEALTH) { well { diagnostics { "
				+ "well { diagnostics { well { id } } } } } } }";

		JsonNode shallow = operation(document, "Shallow");
		JsonNode deep = operation(document, "Deep");

		assertThat(shallow.get("errors")).as("the shallow operation runs").isNull();
		assertThat(deep.at("/errors/0/message").asString()).contains("depth is 7");
	}

	@Test
	void aTooLargeDocumentIsABadRequest() {
		JsonNode response = query("{ well(id: \"" + "x".repeat(3000) + "\") { id } }");

		assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(response.at("/errors/0/message").asString()).contains("at most 2048");
	}

	@Test
	void operationsAndDataFetchersAreMeasuredAndSlowOnesLogged(CapturedOutput output) {
		WellgateHttp http = new WellgateHttp(this.port);
		http.graphql("query Dashboard { wellRanking(by: EFFICIENCY, limit: 1) { rank } }", Map.of(), null);

		String prometheus = http.get("/actuator/prometheus").body();
		assertThat(prometheus).contains("graphql_request_seconds_count").contains("graphql_datafetcher_seconds_count");
		assertThat(output.getOut()).contains("Slow GraphQL operation").contains("operation Dashboard");
	}

	@Test
	void theOnlyInstrumentationIsNotWrappedInAChain() {
		assertThat(this.graphQlSource.graphQl().getInstrumentation())
			.isInstanceOf(GraphQlObservationInstrumentation.class);
	}

	private JsonNode operation(String document, String name) {
		String body = JsonMapper.shared().writeValueAsString(Map.of("query", document, "operationName", name));
		return new WellgateHttp(this.port).post("/graphql", "application/json", body, null).json();
	}

	private JsonNode query(String document) {
		return new WellgateHttp(this.port).graphql(document, Map.of(), null).json();
	}

}
