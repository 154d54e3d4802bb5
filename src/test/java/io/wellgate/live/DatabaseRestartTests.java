package io.wellgate.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database itself restarted under an open subscription: a PostgreSQL of this test's own (the
 * suite's shared one cannot be stopped), stopped and started again on the same port and data. The
 * subscriber is pushed once the feed is back (what changed meanwhile is not known, so nothing is
 * missed silently), the outage is counted, and later writes push as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.live.reconnect-backoff=1s", "wellgate.aggregates.hourly-refresh=0s",
				"wellgate.aggregates.daily-refresh=0s", "spring.datasource.hikari.connection-timeout=60000" })
@DirtiesContext
class DatabaseRestartTests {

	private static final Path DATA = temporaryDirectory();

	private static final int PORT = freePort();

	private static EmbeddedPostgres postgres = start();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	ChangeFeed feed;

	@Autowired
	MeterRegistry meters;

	@Test
	void pushesResumeAfterTheDatabaseRestartsAndTheOutageIsPushedAndCounted() throws Exception {
		String well = "restart-" + UUID.randomUUID().toString().substring(0, 8);
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		WellgateHttp http = new WellgateHttp(this.port);
		assertThat(http.post("/api/v1/telemetry", "application/x-ndjson", LiveSubscriptionTests.sample(well, t, 10),
				WellgateHttp.TOKEN).status()).isEqualTo(200);
		double outagesBefore = this.meters.counter("wellgate.live.feed.outages").count();
		try (GraphQlWs ws = GraphQlWs.connect(this.port)) {
			long before = this.feed.listenersAdded();
			String id = ws.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well), "interval", 0));
			LiveSubscriptionTests.awaitListeners(this.feed, before + 1);

			postgres.close();
			for (int i = 0; i < 6000 && this.feed.listening(); i++) {
				Thread.sleep(10);
			}
			assertThat(this.feed.listening()).as("the feed noticed the server going").isFalse();
			postgres = start();

			JsonNode afterRestart = ws.next(id).get("wellChanged");
			assertThat(afterRestart.at("/well/id").asString()).isEqualTo(well);
			assertThat(this.feed.listening()).isTrue();
			assertThat(this.meters.counter("wellgate.live.feed.outages").count()).isGreaterThan(outagesBefore);

			WellgateHttp.Response written = http.post("/api/v1/telemetry", "application/x-ndjson",
					LiveSubscriptionTests.sample(well, t.plusSeconds(60), 20), WellgateHttp.TOKEN);
			assertThat(written.status()).as(written.body()).isEqualTo(200);
			JsonNode resumed = ws.next(id).get("wellChanged");
			while (!Instant.parse(resumed.get("from").asString()).equals(t.plusSeconds(60))) {
				// A push of the outage may still be queued before the write's own.
				resumed = ws.next(id).get("wellChanged");
			}
			int samples = 0;
			for (JsonNode bucket : resumed.at("/well/hourly")) {
				samples += bucket.get("samples").asInt();
			}
			assertThat(samples).isEqualTo(2);
		}
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder()
				.setPort(PORT)
				.setDataDirectory(DATA)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "50")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("wellgate-restart-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
