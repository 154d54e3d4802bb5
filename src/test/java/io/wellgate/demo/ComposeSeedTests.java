package io.wellgate.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml's registry seed (src/main/docker/seed/wells.csv) is what the demo fleet
 * registers, and {@code POST /api/v1/wells} takes it as it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComposeSeedTests {

	static final Path SEED = Path.of("src/main/docker/seed/wells.csv");

	@LocalServerPort
	int port;

	@Test
	void theSeedIsTheDemoFleetsRegistry() throws IOException {
		List<String> lines = Files.readAllLines(SEED);
		List<DemoWell> demo = new FleetGenerator(FleetGenerator.DEMO_SEED, 12).wells();

		assertThat(lines.get(0)).isEqualTo("id,name,field,pumpModel,installedAt");
		assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(demo.stream()
			.map(w -> String.join(",", w.id(), w.name(), w.field(), w.pumpModel(), w.installedAt().toString()))
			.toList());
	}

	@Test
	void theRegistryTakesTheSeed() throws IOException {
		// Under ids of its own, so that the suite's demo wells keep theirs.
		String seed = Files.readString(SEED).replace("\ndemo-", "\nseed-" + UUID.randomUUID().toString().substring(0, 8) + "-");
		Response response = new WellgateHttp(this.port).post("/api/v1/wells", "text/csv", seed, WellgateHttp.TOKEN);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("accepted").asInt()).isEqualTo(12);
	}

}
