package io.wellgate.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed losing its database connection under open subscriptions: its backend is
 * terminated with {@code pg_terminate_backend} (the suite's embedded server is shared by every
 * test, so it is not restarted), a write lands while the feed is away, and the subscription still
 * gets a push with that write in it once the feed is back; later writes push as before. The
 * outage is counted, and cached answers from before it are not served after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wellgate.live.reconnect-backoff=2s")
class ChangeFeedOutageTests {

	@LocalServerPort
	int port;

	@Autowired
	ChangeFeed feed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aSubscriptionGetsWhatWasWrittenWhileTheFeedWasDownAndPushesResume() {
		String well = "outage-" + UUID.randomUUID().toString().substring(0, 8);
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		WellgateHttp http = new WellgateHttp(this.port);
		http.post("/api/v1/telemetry", "application/x-ndjson", LiveSubscriptionTests.sample(well, t, 10), WellgateHttp.TOKEN);
		double outagesBefore = this.meters.counter("wellgate.live.feed.outages").count();
		try (GraphQlWs ws = GraphQlWs.connect(this.port)) {
			long before = this.feed.listenersAdded();
			String id = ws.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well), "interval", 0));
			LiveSubscriptionTests.awaitListeners(this.feed, before + 1);

			int terminated = this.jdbc.sql("""
					SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))
					FROM pg_stat_activity
					WHERE application_name = :name
					""").param("name", this.feed.applicationName()).query(Integer.class).single();
			assertThat(terminated).isEqualTo(1);
			for (int i = 0; i < 6000 && this.feed.listening(); i++) {
				sleep();
			}
			assertThat(this.feed.listening()).as("the feed noticed").isFalse();
			// Straight into the table, as another instance would: nothing on this instance hears of it.
			this.jdbc.sql("INSERT INTO esp_telemetry (well_id, time, flow_rate) VALUES (:well, :time, 30)")
				.param("well", well)
				.param("time", Timestamp.from(t.plusSeconds(60)))
				.update();

			JsonNode afterOutage = ws.next(id).get("wellChanged");
			assertThat(samples(afterOutage)).as("the write made during the outage").isEqualTo(2);
			assertThat(this.feed.listening()).isTrue();
			assertThat(this.meters.counter("wellgate.live.feed.outages").count()).isEqualTo(outagesBefore + 1);

			http.post("/api/v1/telemetry", "application/x-ndjson", LiveSubscriptionTests.sample(well, t.plusSeconds(120), 20),
					WellgateHttp.TOKEN);
			JsonNode resumed = ws.next(id).get("wellChanged");
			assertThat(Instant.parse(resumed.get("from").asString())).isEqualTo(t.plusSeconds(120));
			assertThat(samples(resumed)).isEqualTo(3);
		}
	}

	private static int samples(JsonNode change) {
		int samples = 0;
		for (JsonNode bucket : change.get("well").get("hourly")) {
			samples += bucket.get("samples").asInt();
		}
		return samples;
	}

	private static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
