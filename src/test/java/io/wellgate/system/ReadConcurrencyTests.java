package io.wellgate.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cap on reads in flight, over real HTTP against real PostgreSQL, with a cap of one: a read
 * held in the database (a lock on {@code telemetry_hourly}) keeps the one turn, so the next
 * GraphQL and analytics requests wait and get {@code 503} past their time-out, while a bulk write
 * goes through; once the held read answers, the turn is back, whether a read succeeded or failed.
 * A subscription over server-sent events, which lasts as long as its client, takes no turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.reads.max-concurrent=1", "wellgate.reads.queue-timeout=1s",
				"wellgate.live.cache.enabled=false", "wellgate.aggregates.hourly-refresh=0s",
				"wellgate.aggregates.daily-refresh=0s", "wellgate.aggregates.refresh-after-write=0s" })
class ReadConcurrencyTests {

	// language=GraphQL
	static final String HOURLY = "query ($id: ID!) { well(id: $id) { id hourly(hours: 3) { bucket samples } } }";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	WellgateHttp http;

	HttpClient client = HttpClient.newHttpClient();

	String well;

	// The tenth minute of the last complete hour: both samples share its bucket, whatever the time.
	Instant minute = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(50, ChronoUnit.MINUTES);

	@BeforeEach
	void setUp() {
		this.http = new WellgateHttp(this.port);
		this.well = "turn-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aReadHeldInTheDatabaseKeepsTheOneTurnWhileABulkWriteGoesThrough() throws Exception {
		assertThat(write(this.minute).status()).isEqualTo(200);
		// The answer is computed before it is written: the turn is then held in the database.
		CompletableFuture<Response> held;
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("LOCK TABLE telemetry_hourly IN ACCESS EXCLUSIVE MODE");
			}
			held = CompletableFuture.supplyAsync(() -> this.http.graphql(HOURLY, Map.of("id", this.well), null));
			awaitReadWaitingOnLock();

			HttpResponse<String> graphql = send(HttpRequest.newBuilder(uri("/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
			assertThat(graphql.statusCode()).isEqualTo(503);
			assertThat(graphql.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(graphql.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(graphql.body()).contains("\"status\":503").contains("waited 1000 ms for its turn")
				.doesNotContain("Exception").doesNotContain("SELECT");
			HttpResponse<String> analytics = send(
					HttpRequest.newBuilder(uri("/api/v1/analytics/wells/" + this.well + "/hourly?hours=3")).GET());
			assertThat(analytics.statusCode()).isEqualTo(503);

			assertThat(write(this.minute.plusSeconds(60)).status()).isEqualTo(200);
			assertThat(held).isNotDone();
			assertThat(inFlight()).isEqualTo(1.0);
			lock.rollback();
		}
		Response answer = held.get(30, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("data").get("well").get("hourly").get(0).get("samples").asInt()).isEqualTo(2);
		// The turn came back once the answer was written, through the asynchronous dispatch.
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.graphql(HOURLY, Map.of("id", this.well), null).status()).isEqualTo(200);
		}
		assertThat(send(HttpRequest.newBuilder(uri("/api/v1/analytics/wells/" + this.well + "/hourly?hours=3")).GET())
			.statusCode()).isEqualTo(200);
		assertThat(inFlight()).isZero();
	}

	@Test
	void aReadThatFailsGivesItsTurnBack() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.http.graphql("{ well(id: \"x\") { nosuchfield } }", Map.of(), null).json().get("errors"))
				.isNotNull();
			assertThat(send(HttpRequest.newBuilder(uri("/api/v1/analytics/wells/x/hourly?hours=-1")).GET()).statusCode())
				.isEqualTo(400);
		}
		assertThat(this.http.graphql("{ __typename }", Map.of(), null).status()).isEqualTo(200);
		assertThat(inFlight()).isZero();
	}

	@Test
	void aSubscriptionOverServerSentEventsTakesNoTurn() throws Exception {
		HttpRequest subscribe = HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"subscription { wellChanged(ids: [\\\"%s\\\"]) { from } }\"}"
				.formatted(this.well)))
			.build();
		CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = this.client.sendAsync(subscribe,
				HttpResponse.BodyHandlers.ofLines());
		HttpResponse<java.util.stream.Stream<String>> open = stream.get(30, TimeUnit.SECONDS);
		try {
			assertThat(open.statusCode()).isEqualTo(200);
			assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("text/event-stream"));
			assertThat(this.http.graphql("{ __typename }", Map.of(), null).status()).isEqualTo(200);
			assertThat(inFlight()).isZero();
		}
		finally {
			open.body().close();
		}
	}

	private Response write(Instant time) {
		return this.http.post("/api/v1/telemetry", "application/x-ndjson",
				"{\"wellId\":\"%s\",\"time\":\"%s\",\"flowRate\":1200.0}\n".formatted(this.well, time), WellgateHttp.TOKEN);
	}

	/**
	 * Until the held read's statement waits on the lock in the database: the only statement that
	 * can (its text is longer than what {@code pg_stat_activity} keeps).
	 */
	private void awaitReadWaitingOnLock() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Integer waiting = this.jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE datname = current_database() AND wait_event_type = 'Lock'""")
				.query(Integer.class)
				.single();
			if (waiting > 0) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The read never reached the lock");
	}

	private double inFlight() {
		return this.meters.get("wellgate.reads.in.flight").gauge().value();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
