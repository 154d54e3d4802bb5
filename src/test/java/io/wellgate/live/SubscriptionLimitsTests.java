package io.wellgate.live;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription limits (a clear error past them) and shared executions: subscribers of the
 * same document and variables get every push from one execution.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.live.max-subscriptions-per-connection=2", "wellgate.live.max-subscriptions=3" })
class SubscriptionLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	ChangeFeed feed;

	@Autowired
	SharedSubscriptions subscriptions;

	@Autowired
	MeterRegistry meters;

	@Test
	void aConnectionPastItsLimitAndTheServicePastItsTotalGetAClearError() {
		try (GraphQlWs ws = GraphQlWs.connect(this.port); GraphQlWs other = GraphQlWs.connect(this.port)) {
			ws.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well()), "interval", 0));
			ws.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well()), "interval", 0));
			String third = ws.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well()), "interval", 0));
			JsonNode refused = ws.message(third);
			assertThat(refused.get("type").asString()).as(refused.toString()).isEqualTo("error");
			assertThat(refused.get("payload").get(0).get("message").asString())
				.contains("This connection holds 2 subscriptions")
				.contains("wellgate.live.max-subscriptions-per-connection");

			other.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well()), "interval", 0));
			String overTotal = other.subscribe(LiveSubscriptionTests.WELL_CHANGED, Map.of("ids", List.of(well()), "interval", 0));
			JsonNode full = other.message(overTotal);
			assertThat(full.get("payload").get(0).get("message").asString()).contains("wellgate.live.max-subscriptions");
		}
	}

	@Test
	void subscribersOfTheSameSelectionShareOneExecution() {
		String well = well();
		Map<String, Object> variables = Map.of("ids", List.of(well), "interval", 0);
		try (GraphQlWs a = GraphQlWs.connect(this.port); GraphQlWs b = GraphQlWs.connect(this.port)) {
			long before = this.feed.listenersAdded();
			String first = a.subscribe(LiveSubscriptionTests.WELL_CHANGED, variables);
			LiveSubscriptionTests.awaitListeners(this.feed, before + 1);
			int executions = this.subscriptions.executions();
			String second = b.subscribe(LiveSubscriptionTests.WELL_CHANGED, variables);
			for (int i = 0; i < 6000 && this.meters.get("wellgate.live.subscriptions").gauge().value() < 2; i++) {
				sleep();
			}
			assertThat(this.subscriptions.executions()).isEqualTo(executions);
			assertThat(this.feed.listenersAdded()).as("one listener for both").isEqualTo(before + 1);

			double pushes = this.meters.counter("wellgate.live.pushes").count();
			Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
			new WellgateHttp(this.port).post("/api/v1/telemetry", "application/x-ndjson", LiveSubscriptionTests.sample(well, t, 5),
					WellgateHttp.TOKEN);
			JsonNode toA = a.next(first);
			JsonNode toB = b.next(second);
			assertThat(toA).isEqualTo(toB);
			assertThat(this.meters.counter("wellgate.live.pushes").count()).as("resolved once").isEqualTo(pushes + 1);
		}
	}

	private static String well() {
		return "limit-" + UUID.randomUUID().toString().substring(0, 8);
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
