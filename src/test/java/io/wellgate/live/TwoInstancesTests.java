package io.wellgate.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateApplication;
import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances on one database (this test's, and a second one started beside it, with
 * its own web server and change feed connection): a write through either pushes to the
 * subscribers of both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

	@LocalServerPort
	int port;

	@Autowired
	ChangeFeed feed;

	ConfigurableApplicationContext second;

	@BeforeAll
	void startTheSecondInstance() {
		this.second = new SpringApplicationBuilder(WellgateApplication.class).properties("server.port=0").run();
	}

	@AfterAll
	void stopTheSecondInstance() {
		this.second.close();
	}

	@Test
	void aWriteThroughEitherInstancePushesToTheSubscribersOfBoth() {
		int secondPort = Integer.parseInt(this.second.getEnvironment().getProperty("local.server.port"));
		ChangeFeed secondFeed = this.second.getBean(ChangeFeed.class);
		assertThat(secondFeed.instance()).isNotEqualTo(this.feed.instance());
		String well = "twin-" + UUID.randomUUID().toString().substring(0, 8);
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		try (GraphQlWs first = GraphQlWs.connect(this.port); GraphQlWs other = GraphQlWs.connect(secondPort)) {
			long before = this.feed.listenersAdded();
			long secondBefore = secondFeed.listenersAdded();
			String mine = first.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well), "interval", 0));
			String theirs = other.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well), "interval", 0));
			LiveSubscriptionTests.awaitListeners(this.feed, before + 1);
			LiveSubscriptionTests.awaitListeners(secondFeed, secondBefore + 1);

			write(this.port, well, t);
			assertThat(fromOf(first.next(mine))).isEqualTo(t);
			assertThat(fromOf(other.next(theirs))).isEqualTo(t);

			write(secondPort, well, t.plusSeconds(60));
			assertThat(fromOf(first.next(mine))).isEqualTo(t.plusSeconds(60));
			assertThat(fromOf(other.next(theirs))).isEqualTo(t.plusSeconds(60));
		}
	}

	private static Instant fromOf(JsonNode data) {
		return Instant.parse(data.get("wellChanged").get("from").asString());
	}

	private static void write(int port, String well, Instant time) {
		WellgateHttp.Response written = new WellgateHttp(port).post("/api/v1/telemetry", "application/x-ndjson",
				LiveSubscriptionTests.sample(well, time, 100), WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
	}

}
