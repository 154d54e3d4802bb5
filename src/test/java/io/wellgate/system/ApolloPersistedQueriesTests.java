package io.wellgate.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.Commands;
import io.wellgate.Commands.Result;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Apollo Client's own persisted-queries link (Node.js, from the npm registry) against the
 * running service: its first request sends only the hash and is told
 * {@code PersistedQueryNotFound}, its retry sends hash and text, and a second client's request
 * is answered from the hash alone. Skipped where Node.js is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApolloPersistedQueriesTests {

	@LocalServerPort
	int port;

	@Test
	void apolloClientsPersistedQueriesLinkRegistersOnceThenSendsOnlyTheHash(@TempDir Path work) throws Exception {
		assumeTrue(Commands.available("node", "--version") && Commands.available("npm", "--version"), "Node.js and npm are not installed");
		Path client = Path.of("src/test/apollo");
		Files.copy(client.resolve("package.json"), work.resolve("package.json"));
		Files.copy(client.resolve("persisted.mjs"), work.resolve("persisted.mjs"));
		String alias = "probe" + UUID.randomUUID().toString().replace("-", "");

		Result install = Commands.run(work, "npm", "install", "--no-package-lock", "--no-audit", "--no-fund", "--silent");
		assertThat(install.exit()).as("npm install: %s", install.output()).isZero();
		Result sent = Commands.run(work, "node", "persisted.mjs", "http://127.0.0.1:" + this.port + "/graphql", alias, "");

		assertThat(sent.exit()).as(sent.output()).isZero();
		String line = sent.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
		JsonNode result = JsonMapper.builder().build().readTree(line.substring("RESULT ".length()));
		JsonNode requests = result.get("sent");
		assertThat(requests).as(line).hasSize(3);
		assertThat(List.of(requests.at("/0/query").asBoolean(), requests.at("/1/query").asBoolean(),
				requests.at("/2/query").asBoolean())).containsExactly(false, true, false);
		String hash = requests.at("/0/hash").asString();
		assertThat(hash).hasSize(64);
		assertThat(requests.at("/1/hash").asString()).isEqualTo(hash);
		assertThat(requests.at("/2/hash").asString()).isEqualTo(hash);
		for (JsonNode answer : result.get("answers")) {
			assertThat(answer.get("error").isNull()).as(line).isTrue();
			assertThat(answer.get("edges").isInt()).as(line).isTrue();
		}
	}

}
