package io.wellgate.well;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wellgate.Commands;
import io.wellgate.Commands.Result;
import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * wellgate's subgraph composes into a supergraph with another subgraph extending {@code Well},
 * checked with Apollo's own composition library (Node.js, from the npm registry). Skipped where
 * Node.js is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FederationCompositionTests {

	@LocalServerPort
	int port;

	@Test
	void theSubgraphComposesWithAnotherSubgraphExtendingWell(@TempDir Path work) throws Exception {
		assumeTrue(Commands.available("node", "--version") && Commands.available("npm", "--version"), "Node.js and npm are not installed");
		String sdl = new WellgateHttp(this.port).graphql("{ _service { sdl } }", Map.of(), null)
			.json()
			.at("/data/_service/sdl")
			.asString();
		Path checker = Path.of("src/test/federation");
		Files.copy(checker.resolve("package.json"), work.resolve("package.json"));
		Files.copy(checker.resolve("compose.mjs"), work.resolve("compose.mjs"));
		Files.writeString(work.resolve("wellgate.graphql"), sdl);

		Result install = Commands.run(work, "npm", "install", "--no-package-lock", "--no-audit", "--no-fund", "--silent");
		assertThat(install.exit()).as("npm install: %s", install.output()).isZero();
		Result composed = Commands.run(work, "node", "compose.mjs", "wellgate.graphql");

		assertThat(composed.exit()).as(composed.output()).isZero();
		assertThat(composed.output()).contains("COMPOSED")
			.contains("lastWorkover: String @join__field(graph: MAINTENANCE)")
			.contains("performanceSummary(")
			.contains("@join__field(graph: WELLGATE)");
	}

}
