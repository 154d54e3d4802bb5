package io.wellgate.system;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apollo's automatic persisted queries: a hash alone is answered {@code PersistedQueryNotFound}
 * until the document has been sent once with its hash; then the hash alone runs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersistedQueryTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void aHashIsUnknownUntilItsDocumentIsSentThenRunsAlone() {
		// A document of its own, so that no other test has registered it.
		String document = "{ well(id: \"apq-" + UUID.randomUUID() + "\") { id } }";
		String hash = PersistedDocuments.sha256(document);

		JsonNode unknown = post(Map.of("extensions", persisted(hash)));
		JsonNode registered = post(Map.of("query", document, "extensions", persisted(hash)));
		JsonNode byHash = post(Map.of("extensions", persisted(hash)));

		assertThat(unknown.at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
		assertThat(unknown.at("/errors/0/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(registered.get("errors")).isNull();
		assertThat(registered.at("/data/well").isNull()).isTrue();
		assertThat(byHash.get("errors")).as(byHash.toString()).isNull();
		assertThat(byHash.at("/data/well").isNull()).isTrue();
	}

	@Test
	void aHashThatIsNotTheDocumentsIsRefusedAndRegistersNothing() {
		String document = "{ wells(first: 1) { edges { node { id } } } }";
		String wrong = PersistedDocuments.sha256(document + " ");

		JsonNode refused = post(Map.of("query", document, "extensions", persisted(wrong)));
		JsonNode after = post(Map.of("extensions", persisted(wrong)));

		assertThat(refused.at("/errors/0/message").asString()).contains("is not the SHA-256 of the query");
		assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(after.at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
	}

	private JsonNode post(Map<String, Object> body) {
		WellgateHttp.Response response = new WellgateHttp(this.port).post("/graphql", "application/json",
				json.writeValueAsString(body), null);
		assertThat(response.contentType()).as(response.body()).startsWith("application/");
		return response.json();
	}

	private static Map<String, Object> persisted(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

}
