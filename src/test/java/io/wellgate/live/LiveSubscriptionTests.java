package io.wellgate.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions over real graphql-ws and SSE connections, fed by writes through the bulk
 * endpoints into the real database: every push carries the well's current, exact buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveSubscriptionTests {

	// Diagnostics of two days: in the first hours after midnight UTC, a diagnostic written an hour
	// or two back is on yesterday's day, which a window of one day (today's) leaves out.
	// language=GraphQL
	static final String WELL_CHANGED = """
			subscription ($ids: [ID!], $interval: Int) {
			  wellChanged(ids: $ids, minIntervalMs: $interval) {
			    from to committedAt
			    well { id hourly(hours: 3) { bucket samples flowRate { avg } } diagnostics(days: 2) { total } }
			  }
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	ChangeFeed feed;

	WellgateHttp http;

	Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Test
	void pushesCurrentBucketsAfterABulkWriteALateSampleAResendAndADiagnostic() {
		String well = well();
		try (GraphQlWs ws = GraphQlWs.connect(this.port)) {
			String id = subscribed(() -> ws.subscribe(WELL_CHANGED, Map.of("ids", List.of(well), "interval", 0)));
			// Ten minutes into the last complete hour, so the three samples share a bucket whatever the time.
			Instant t1 = this.now.truncatedTo(ChronoUnit.HOURS).minus(50, ChronoUnit.MINUTES);
			write(sample(well, t1, 100) + sample(well, t1.plusSeconds(60), 200) + sample(well, t1.plusSeconds(120), 300));

			JsonNode bulk = ws.next(id).get("wellChanged");
			assertThat(Instant.parse(bulk.get("from").asString())).isEqualTo(t1);
			assertThat(Instant.parse(bulk.get("to").asString())).isEqualTo(t1.plusSeconds(120));
			assertThat(bulk.get("well").get("id").asString()).isEqualTo(well);
			assertThat(samples(bulk)).isEqualTo(3);
			assertThat(flowAverage(bulk, t1)).isEqualTo(200.0);

			// An hour before t1: a bucket of its own, still in the 3-hour window.
			Instant late = t1.minus(60, ChronoUnit.MINUTES);
			write(sample(well, late, 50));
			JsonNode latePush = ws.next(id).get("wellChanged");
			assertThat(Instant.parse(latePush.get("from").asString())).isEqualTo(late);
			assertThat(samples(latePush)).isEqualTo(4);
			assertThat(flowAverage(latePush, late)).isEqualTo(50.0);

			write(sample(well, t1, 400));
			JsonNode resent = ws.next(id).get("wellChanged");
			assertThat(samples(resent)).as("a re-sent sample replaces the stored one").isEqualTo(4);
			assertThat(flowAverage(resent, t1)).isEqualTo(300.0);

			this.http.post("/api/v1/diagnostics", "application/x-ndjson", """
					{"wellId":"%s","time":"%s","type":"GAS_LOCK","severity":"HIGH","confidence":0.9}
					""".formatted(well, t1), WellgateHttp.TOKEN);
			JsonNode diagnostic = ws.next(id).get("wellChanged");
			assertThat(diagnostic.get("well").get("diagnostics").get(0).get("total").asInt()).isEqualTo(1);
		}
	}

	@Test
	void pushesNothingForOtherWells() {
		String mine = well();
		String other = well();
		try (GraphQlWs ws = GraphQlWs.connect(this.port)) {
			String id = subscribed(() -> ws.subscribe(WELL_CHANGED, Map.of("ids", List.of(mine), "interval", 0)));
			write(sample(other, this.now.minusSeconds(300), 10));
			write(sample(mine, this.now.minusSeconds(200), 20));
			// Pushes keep commit order: had the other well's write been pushed, it would come first.
			JsonNode first = ws.next(id).get("wellChanged");
			assertThat(first.get("well").get("id").asString()).isEqualTo(mine);
			assertThat(Instant.parse(first.get("from").asString())).isEqualTo(this.now.minusSeconds(200));
		}
	}

	@Test
	void aBurstWithinTheIntervalIsCoalescedIntoFewerPushesCoveringEveryChange() {
		String well = well();
		try (GraphQlWs ws = GraphQlWs.connect(this.port)) {
			String id = subscribed(() -> ws.subscribe(WELL_CHANGED, Map.of("ids", List.of(well), "interval", 10_000)));
			Instant first = this.now.minus(30, ChronoUnit.MINUTES);
			int writes = 6;
			for (int i = 0; i < writes; i++) {
				write(sample(well, first.plusSeconds(60L * i), 10 + i));
			}
			Instant last = first.plusSeconds(60L * (writes - 1));
			List<JsonNode> pushes = new ArrayList<>();
			while (pushes.isEmpty() || !Instant.parse(pushes.get(pushes.size() - 1).get("to").asString()).equals(last)) {
				pushes.add(ws.next(id).get("wellChanged"));
			}
			assertThat(pushes).hasSizeLessThan(writes);
			assertThat(Instant.parse(pushes.get(0).get("from").asString())).isEqualTo(first);
			assertThat(samples(pushes.get(pushes.size() - 1))).isEqualTo(writes);
		}
	}

	@Test
	void sseSubscriptionsPushLikeWebSocketOnes() throws Exception {
		String well = well();
		try (SseSubscription sse = subscribed(
				() -> SseSubscription.open(this.port, WELL_CHANGED, Map.of("ids", List.of(well), "interval", 0)))) {
			write(sample(well, this.now.minusSeconds(120), 70));
			JsonNode push = sse.next().get("wellChanged");
			assertThat(sse.status()).isEqualTo(200);
			assertThat(push.get("well").get("id").asString()).isEqualTo(well);
			assertThat(samples(push)).isEqualTo(1);
		}
	}

	@Test
	void theRankingIsPushedAtOnceAndAgainWhenItsWindowChanges() throws Exception {
		String well = well();
		write(sample(well, this.now.minusSeconds(600), 100));
		// language=GraphQL
		String ranking = """
				subscription { wellRankingChanged(by: HEALTH, hours: 2, limit: 1000, minIntervalMs: 0) { rank well { id } summary { samples } } }
				""";
		try (SseSubscription sse = SseSubscription.open(this.port, ranking, Map.of())) {
			assertThat(samplesOf(sse.next(), well)).isEqualTo(1);
			write(sample(well, this.now.minusSeconds(500), 100));
			int seen = 1;
			while (seen < 2) {
				seen = samplesOf(sse.next(), well);
			}
			assertThat(seen).isEqualTo(2);
		}
	}

	@Test
	void anIntervalOutOfRangeIsABadRequestNamingIt() {
		try (GraphQlWs ws = GraphQlWs.connect(this.port)) {
			String id = ws.subscribe(WELL_CHANGED, Map.of("ids", List.of(well()), "interval", 60_001));
			JsonNode error = ws.message(id);
			assertThat(error.get("type").asString()).as(error.toString()).isEqualTo("error");
			JsonNode first = error.get("payload").get(0);
			assertThat(first).as(error.toString()).isNotNull();
			assertThat(first.get("message").asString()).contains("between 0 and 60000");
			assertThat(first.get("extensions").get("argument").asString()).isEqualTo("minIntervalMs");
		}
	}

	/** Opens a subscription and waits until the change feed has it as a listener. */
	<T> T subscribed(java.util.function.Supplier<T> open) {
		long before = this.feed.listenersAdded();
		T subscription = open.get();
		awaitListeners(this.feed, before + 1);
		return subscription;
	}

	/** Waits until {@code added} listeners were ever added to the feed. */
	static void awaitListeners(ChangeFeed feed, long added) {
		for (int i = 0; i < 6000 && feed.listenersAdded() < added; i++) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		assertThat(feed.listenersAdded()).as("the subscription listens to the change feed").isGreaterThanOrEqualTo(added);
	}

	private static int samplesOf(JsonNode data, String well) {
		for (JsonNode rank : data.get("wellRankingChanged")) {
			if (rank.get("well").get("id").asString().equals(well)) {
				return rank.get("summary").get("samples").asInt();
			}
		}
		return 0;
	}

	private static int samples(JsonNode change) {
		int samples = 0;
		for (JsonNode bucket : change.get("well").get("hourly")) {
			samples += bucket.get("samples").asInt();
		}
		return samples;
	}

	private static double flowAverage(JsonNode change, Instant time) {
		Instant bucket = time.truncatedTo(ChronoUnit.HOURS);
		for (JsonNode hour : change.get("well").get("hourly")) {
			if (Instant.parse(hour.get("bucket").asString()).equals(bucket)) {
				return hour.get("flowRate").get("avg").asDouble();
			}
		}
		throw new AssertionError("no bucket " + bucket + " in " + change);
	}

	private String well() {
		if (this.http == null) {
			this.http = new WellgateHttp(this.port);
		}
		return "live-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private void write(String ndjson) {
		WellgateHttp.Response written = this.http.post("/api/v1/telemetry", "application/x-ndjson", ndjson, WellgateHttp.TOKEN);
		assertThat(written.status()).as(written.body()).isEqualTo(200);
	}

	static String sample(String well, Instant time, double flowRate) {
		return """
				{"wellId":"%s","time":"%s","flowRate":%s,"powerKw":100}
				""".formatted(well, time, flowRate);
	}

}
