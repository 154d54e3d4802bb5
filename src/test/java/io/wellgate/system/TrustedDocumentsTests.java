package io.wellgate.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code wellgate.graphql.documents=persisted-only}: only the manifest's documents run, by hash
 * or as text; any other is refused with a clear error before it is parsed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wellgate.graphql.documents=persisted-only")
class TrustedDocumentsTests {

	static final String LISTED = "query Fleet { wells(first: 2) { edges { node { id } } } }";

	static final String LISTED_ID = PersistedDocuments.sha256(LISTED);

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void manifest(DynamicPropertyRegistry registry) throws IOException {
		Path file = Files.createTempFile("wellgate-manifest", ".json");
		file.toFile().deleteOnExit();
		Files.writeString(file, json.writeValueAsString(Map.of("format", "apollo-persisted-query-manifest", "version", 1,
				"operations", List.of(Map.of("id", LISTED_ID, "name", "Fleet", "type", "query", "body", LISTED)))));
		registry.add("wellgate.graphql.manifest", file::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void aListedDocumentRunsByHashOrAsText() {
		JsonNode byHash = post(Map.of("extensions", persisted(LISTED_ID)));
		JsonNode asText = post(Map.of("query", LISTED));

		assertThat(byHash.get("errors")).as(byHash.toString()).isNull();
		assertThat(byHash.at("/data/wells/edges").isArray()).isTrue();
		assertThat(asText.get("errors")).as(asText.toString()).isNull();
	}

	@Test
	void anUnknownDocumentIsRefused() {
		JsonNode text = post(Map.of("query", "{ wells(first: 3) { edges { node { id } } } }"));
		String other = "{ wells(first: 4) { edges { node { id } } } }";
		JsonNode registering = post(Map.of("query", other, "extensions", persisted(PersistedDocuments.sha256(other))));
		JsonNode hash = post(Map.of("extensions", persisted(PersistedDocuments.sha256(other))));

		for (JsonNode refused : List.of(text, registering, hash)) {
			assertThat(refused.at("/errors/0/message").asString()).as(refused.toString())
				.contains("runs only trusted documents").contains("not in its manifest");
			assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
			assertThat(refused.get("data") == null || refused.get("data").isNull()).isTrue();
		}
	}

	@Test
	void aManifestAsGraphQlCodeGeneratorWritesItIsRead(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("persisted-documents.json");
		Files.writeString(file, "{\"abc123\": \"{ wells { edges { cursor } } }\"}");

		assertThat(PersistedDocuments.read(file)).isEqualTo(Map.of("abc123", "{ wells { edges { cursor } } }"));
	}

	@Test
	void aBrokenManifestStopsTheStartWithItsPath(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("broken.json");
		Files.writeString(file, "{\"operations\": [{\"id\": 1}]}");

		assertThatIllegalStateException().isThrownBy(() -> PersistedDocuments.read(file))
			.withMessageContaining(file.toString())
			.withMessageContaining("needs a string id and body");
	}

	private JsonNode post(Map<String, Object> body) {
		return new WellgateHttp(this.port).post("/graphql", "application/json", json.writeValueAsString(body), null).json();
	}

	private static Map<String, Object> persisted(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

}
