package io.wellgate.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parsed documents are kept and reused, valid or not, and a reused document is still held to the
 * depth and complexity limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wellgate.graphql.max-depth=6")
class DocumentCacheTests {

	@LocalServerPort
	int port;

	@Autowired
	DocumentCache cache;

	@Test
	void aDocumentSentAgainIsAnsweredTheSameFromOneParse() {
		String document = "{ wells(first: 3) { edges { node { id } } } }";
		int before = this.cache.size();

		// The data, not the extensions: those say when each answer was exact and whether it was cached.
		JsonNode first = http().graphql(document, Map.of(), null).json().get("data");
		JsonNode second = http().graphql(document, Map.of(), null).json().get("data");

		assertThat(second).isEqualTo(first);
		assertThat(first.has("wells")).isTrue();
		assertThat(this.cache.size()).isEqualTo(before + 1);
	}

	@Test
	void anInvalidDocumentIsRefusedAgainWithTheSameError() {
		String document = "{ wells(first: 1) { edges { node { noSuchField } } } }";

		JsonNode first = http().graphql(document, Map.of(), null).json();
		JsonNode second = http().graphql(document, Map.of(), null).json();

		assertThat(first.at("/errors/0/message").asString()).contains("noSuchField");
		assertThat(second.get("errors")).isEqualTo(first.get("errors"));
	}

	@Test
	void aReusedDocumentIsStillHeldToTheDepthLimit() {
		String document = "{ wellRanking(by: HEALTH) { well { performance { bucket } diagnostics { well { "
				+ "diagnostics { well { id } } } } } } }";

		for (int i = 0; i < 2; i++) {
			JsonNode response = http().graphql(document, Map.of(), null).json();
			assertThat(response.at("/errors/0/message").asString()).as("attempt " + i).contains("depth");
		}
	}

	@Test
	void theLeastRecentlyUsedDocumentGoesFirst() {
		List<String> parsed = new ArrayList<>();
		DocumentCache cache = new DocumentCache(2, 100, 100);

		for (String document : List.of("{ a }", "{ b }", "{ a }", "{ c }", "{ a }", "{ b }")) {
			cache.getDocumentAsync(ExecutionInput.newExecutionInput(document).build(), input -> {
				parsed.add(input.getQuery());
				return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
			}).join();
		}

		// "{ b }" was the least recently used when "{ c }" came, so it was parsed again.
		assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }", "{ b }");
		assertThat(cache.size()).isEqualTo(2);
	}

	@Test
	void aNegativeCapacityIsRefusedByName() {
		assertThatThrownBy(() -> new DocumentCache(-1, 100, 100)).hasMessageContaining("wellgate.graphql.document-cache");
	}

	private WellgateHttp http() {
		return new WellgateHttp(this.port);
	}

}
