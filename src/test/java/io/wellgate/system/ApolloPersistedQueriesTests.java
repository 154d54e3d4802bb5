package io.wellgate.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
		assumeTrue(available("node", "--version") && available("npm", "--version"), "Node.js and npm are not installed");
		Path client = Path.of("src/test/apollo");
		Files.copy(client.resolve("package.json"), work.resolve("package.json"));
		Files.copy(client.resolve("persisted.mjs"), work.resolve("persisted.mjs"));
		String alias = "probe" + UUID.randomUUID().toString().replace("-", "");

		Result install = run(work, "npm", "install", "--no-package-lock", "--no-audit", "--no-fund", "--silent");
		assertThat(install.exit()).as("npm install: %s", install.output()).isZero();
		Result sent = run(work, "node", "persisted.mjs", "http://127.0.0.1:" + this.port + "/graphql", alias, "");

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

	private static boolean available(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Result run(Path directory, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
		return new Result(process.exitValue(), output);
	}

	private record Result(int exit, String output) {
	}

}
