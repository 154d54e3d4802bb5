package io.wellgate.well;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;
import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.aggregate.AggregateName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The well registry end to end over real HTTP against real PostgreSQL: metadata written by
 * {@code POST /api/v1/wells} (NDJSON, CSV) and {@code upsertWells}, with the bulk rules (atomic,
 * validated, idempotent, behind the write key), the same whether sent before or after a well's
 * first sample; the span of samples and the current reading kept exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WellRegistryApiTests {

	// language=GraphQL
	static final String WELL = """
			query ($id: ID!) {
			  well(id: $id) {
			    id name field pumpModel installedAt firstSampleAt lastSampleAt
			    latest { time flowRate intakePressure dischargePressure motorCurrent motorVoltage motorTemperature
			             intakeTemperature vibration frequency powerKw }
			  }
			}
			""";

	// language=GraphQL
	static final String UPSERT = """
			mutation ($wells: [WellInput!]!) { upsertWells(wells: $wells) { accepted } }
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WellgateHttp http;

	String well;

	Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

	@BeforeEach
	void setUp() {
		this.http = new WellgateHttp(this.port);
		this.well = "reg-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void ndjsonRegistersWellsWithTheirMetadata() {
		Response response = postWells("application/x-ndjson", """
				{"id":"%1$s-a","name":"Mustang Draw 1H","field":"Permian","pumpModel":"REDA D1050N","installedAt":"2023-04-17"}
				{"id":"%1$s-b","name":"Ünïcode 2H, east","field":null}
				""".formatted(this.well));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
		JsonNode a = well(this.well + "-a");
		assertThat(a.get("name").asString()).isEqualTo("Mustang Draw 1H");
		assertThat(a.get("field").asString()).isEqualTo("Permian");
		assertThat(a.get("pumpModel").asString()).isEqualTo("REDA D1050N");
		assertThat(a.get("installedAt").asString()).isEqualTo("2023-04-17");
		assertThat(a.get("firstSampleAt").isNull()).isTrue();
		assertThat(a.get("latest").isNull()).isTrue();
		JsonNode b = well(this.well + "-b");
		assertThat(b.get("name").asString()).isEqualTo("Ünïcode 2H, east");
		assertThat(b.get("field").isNull()).isTrue();
	}

	@Test
	void csvRegistersWellsAndAnEmptyCellIsNone() {
		Response response = postWells("text/csv", "id,name,field,pumpModel,installedAt\r\n" + this.well
				+ ",Red Hills 3H,Eagle Ford,,2021-11-02\r\n");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode well = well(this.well);
		assertThat(well.get("field").asString()).isEqualTo("Eagle Ford");
		assertThat(well.get("pumpModel").isNull()).isTrue();
		assertThat(well.get("installedAt").asString()).isEqualTo("2021-11-02");
	}

	@Test
	void reSendingReplacesTheMetadataAndTheLastLineOfAWellWins() {
		postWells("application/x-ndjson", """
				{"id":"%s","name":"First","field":"Permian","pumpModel":"P1"}
				""".formatted(this.well));
		Response again = postWells("application/x-ndjson", """
				{"id":"%1$s","name":"Second","field":"Bakken"}
				{"id":"%1$s","name":"Third","field":"Bakken","installedAt":"2020-01-31"}
				""".formatted(this.well));

		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id = :id").param("id", this.well)
			.query(Integer.class).single()).isEqualTo(1);
		JsonNode well = well(this.well);
		assertThat(well.get("name").asString()).isEqualTo("Third");
		assertThat(well.get("field").asString()).isEqualTo("Bakken");
		assertThat(well.get("pumpModel").isNull()).as("a record is the whole metadata").isTrue();
		assertThat(well.get("installedAt").asString()).isEqualTo("2020-01-31");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			unknown field        | application/x-ndjson | {"id":"{w}","name":"A","basin":"Permian"}       | 1 | basin       | unknown field
			malformed id         | application/x-ndjson | {"id":"bad id!","name":"A"}                     | 1 | id          | must be 1 to 64 characters
			missing id           | application/x-ndjson | {"name":"A"}                                    | 1 | id          | is required
			blank name           | application/x-ndjson | {"id":"{w}","name":"  "}                        | 1 | name        | must not be blank
			name too long        | application/x-ndjson | {"id":"{w}","name":"{long}"}                    | 1 | name        | at most 200 characters
			control character    | application/x-ndjson | {"id":"{w}","pumpModel":"A\\nB"}                | 1 | pumpModel   | control characters
			name as a number     | application/x-ndjson | {"id":"{w}","name":12}                          | 1 | name        | must be a string
			date not ISO         | application/x-ndjson | {"id":"{w}","installedAt":"17/04/2023"}         | 1 | installedAt | YYYY-MM-DD
			date too early       | text/csv             | id,installedAt¶{w},1899-12-31                   | 2 | installedAt | must be between 1900-01-01
			date too late        | text/csv             | id,installedAt¶{w},2999-01-01                   | 2 | installedAt | must be between 1900-01-01
			unknown CSV column   | text/csv             | id,basin¶{w},Permian                            | 1 | basin       | unknown column
			CSV without id       | text/csv             | name¶A                                          | 1 | id          | required column missing
			""")
	void badInputIsRefusedWholeNamingTheLineAndTheField(String why, String type, String bad, int line, String field,
			String reason) {
		String good = type.equals("text/csv") ? "" : "{\"id\":\"" + this.well + "-good\",\"name\":\"Good\"}\n";
		String body = good.isEmpty() ? bad.replace("¶", "\n") : bad + "\n" + good;
		body = body.replace("{w}", this.well).replace("{long}", "x".repeat(201));

		Response response = postWells(type, body);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(line);
		assertThat(error.get("field").asString()).isEqualTo(field);
		assertThat(error.get("reason").asString()).contains(reason);
		assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select");
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id LIKE :prefix").param("prefix", this.well + "%")
			.query(Integer.class).single()).as("nothing stored").isZero();
	}

	@Test
	void writesWithoutTheKeyAreRefusedAndStoreNothing() {
		Response rest = this.http.post("/api/v1/wells", "application/x-ndjson", "{\"id\":\"" + this.well + "\"}\n", null);
		Response wrongKey = this.http.post("/api/v1/wells", "application/x-ndjson", "{\"id\":\"" + this.well + "\"}\n",
				"not-a-key");
		JsonNode graphql = this.http.graphql(UPSERT, Map.of("wells", List.of(Map.of("id", this.well))), null).json();

		assertThat(rest.status()).isEqualTo(401);
		assertThat(wrongKey.status()).isEqualTo(401);
		assertThat(graphql.at("/errors/0/extensions/classification").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id = :id").param("id", this.well)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void anotherContentTypeIsRefused() {
		Response response = postWells("application/json", "[{\"id\":\"" + this.well + "\"}]");

		assertThat(response.status()).isEqualTo(415);
	}

	@Test
	void upsertWellsStoresTheSameAsTheBulkEndpointAndNamesABadInput() {
		JsonNode stored = this.http.graphql(UPSERT, Map.of("wells", List.of(Map.of("id", this.well, "name", "Via GraphQL",
				"field", "Permian", "pumpModel", "Summit SN3600", "installedAt", "2022-06-01"))), WellgateHttp.TOKEN).json();
		JsonNode refused = this.http.graphql(UPSERT, Map.of("wells", List.of(Map.of("id", this.well + "-x"),
				Map.of("id", this.well + "-y", "installedAt", "1800-01-01"))), WellgateHttp.TOKEN).json();

		assertThat(stored.at("/data/upsertWells/accepted").asInt()).as(stored.toString()).isEqualTo(1);
		JsonNode well = well(this.well);
		assertThat(well.get("pumpModel").asString()).isEqualTo("Summit SN3600");
		assertThat(well.get("installedAt").asString()).isEqualTo("2022-06-01");
		assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(refused.at("/errors/0/message").asString()).startsWith("wells[1].installedAt: must be between");
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id = :id").param("id", this.well + "-x")
			.query(Integer.class).single()).as("nothing of a refused call").isZero();
	}

	@Test
	void metadataSentBeforeOrAfterTheFirstSampleEndsUpTheSame() {
		String before = this.well + "-before";
		String after = this.well + "-after";
		String metadata = """
				{"id":"%s","name":"Twin 1H","field":"Permian","pumpModel":"REDA DN2500","installedAt":"2024-02-29"}
				""";
		postWells("application/x-ndjson", metadata.formatted(before));
		postSamples(sample(before, this.hour, 1500) + sample(before, this.hour.plusSeconds(60), 1510));
		postSamples(sample(after, this.hour, 1500) + sample(after, this.hour.plusSeconds(60), 1510));
		postWells("application/x-ndjson", metadata.formatted(after));

		JsonNode first = well(before);
		JsonNode second = well(after);
		for (String property : List.of("name", "field", "pumpModel", "installedAt", "firstSampleAt", "lastSampleAt")) {
			assertThat(second.get(property)).as(property).isEqualTo(first.get(property));
		}
		assertThat(instant(first, "firstSampleAt")).isEqualTo(this.hour);
		assertThat(instant(first, "lastSampleAt")).isEqualTo(this.hour.plusSeconds(60));
		assertThat(second.get("latest")).isEqualTo(first.get("latest"));
	}

	@Test
	void aSampleForAnUnknownWellRegistersItAndLaterSamplesKeepItsMetadata() {
		postSamples(sample(this.well, this.hour, 1400));
		assertThat(well(this.well).get("name").isNull()).isTrue();
		postWells("application/x-ndjson", "{\"id\":\"" + this.well + "\",\"name\":\"Kept 1H\",\"field\":\"Bakken\"}\n");
		postSamples(sample(this.well, this.hour.plusSeconds(120), 1450));
		this.http.post("/api/v1/diagnostics", "application/x-ndjson", """
				{"wellId":"%s","time":"%s","type":"GAS_LOCK","severity":"HIGH","confidence":0.8}
				""".formatted(this.well, this.hour), WellgateHttp.TOKEN);

		JsonNode well = well(this.well);
		assertThat(well.get("name").asString()).isEqualTo("Kept 1H");
		assertThat(well.get("field").asString()).isEqualTo("Bakken");
		assertThat(instant(well, "lastSampleAt")).isEqualTo(this.hour.plusSeconds(120));
	}

	@Test
	void theCurrentReadingIsTheNewestSampleAndALateOlderSampleDoesNotReplaceIt() {
		Instant newest = this.hour.plusSeconds(600);
		postSamples("""
				{"wellId":"%s","time":"%s","flowRate":1480.5,"intakePressure":820,"dischargePressure":3150,"motorCurrent":52.1,"motorVoltage":2400,"motorTemperature":231.5,"intakeTemperature":180.25,"vibration":0.31,"frequency":58.5,"powerKw":118}
				""".formatted(this.well, newest) + sample(this.well, this.hour, 1000));
		postSamples(sample(this.well, newest.minusSeconds(300), 9.5));
		postSamples(sample(this.well, this.hour.minusSeconds(3600), 7.5));

		JsonNode well = well(this.well);
		JsonNode latest = well.get("latest");
		assertThat(Instant.parse(latest.get("time").asString())).isEqualTo(newest);
		assertThat(latest.get("flowRate").asDouble()).isEqualTo(1480.5);
		assertThat(latest.get("intakePressure").asDouble()).isEqualTo(820);
		assertThat(latest.get("dischargePressure").asDouble()).isEqualTo(3150);
		assertThat(latest.get("motorCurrent").asDouble()).isEqualTo(52.1);
		assertThat(latest.get("motorVoltage").asDouble()).isEqualTo(2400);
		assertThat(latest.get("motorTemperature").asDouble()).isEqualTo(231.5);
		assertThat(latest.get("intakeTemperature").asDouble()).isEqualTo(180.25);
		assertThat(latest.get("vibration").asDouble()).isEqualTo(0.31);
		assertThat(latest.get("frequency").asDouble()).isEqualTo(58.5);
		assertThat(latest.get("powerKw").asDouble()).isEqualTo(118);
		assertThat(instant(well, "lastSampleAt")).isEqualTo(newest);
		assertThat(instant(well, "firstSampleAt")).as("a late sample older than all widens the span")
			.isEqualTo(this.hour.minusSeconds(3600));
	}

	@Test
	void theSpanIsExactFromTheWriteOnAndTheRefreshOfTelemetryHourlyMovesItIntoTheRegistry(
			@Autowired DataSource dataSource, @Autowired AggregateEngine engine) throws Exception {
		Instant late = this.hour.minusSeconds(3600);
		Instant newest = this.hour.plusSeconds(60);
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			// No refresh of telemetry_hourly, the aggregate that moves the spans, runs meanwhile.
			try (Statement statement = holder.createStatement()) {
				statement.execute("SELECT pg_advisory_xact_lock(hashtext('wellgate.refresh."
						+ AggregateName.TELEMETRY_HOURLY.id() + "'))");
			}
			postSamples(sample(this.well, this.hour, 1000) + sample(this.well, newest, 1010));
			String registered = stored(this.well, "xmin::text");
			postSamples(sample(this.well, late, 900));
			// The other aggregates consume their own log rows; the span does not depend on them.
			engine.refresh(AggregateName.TELEMETRY_DAILY, null, null);
			engine.refresh(AggregateName.WELL_PERFORMANCE_HOURLY, null, null);

			JsonNode read = well(this.well);
			assertThat(instant(read, "firstSampleAt")).isEqualTo(late);
			assertThat(instant(read, "lastSampleAt")).isEqualTo(newest);
			assertThat(Instant.parse(read.at("/latest/time").asString())).isEqualTo(newest);
			assertThat(stored(this.well, "last_sample_at::text")).as("the writes left the registry's row alone").isNull();
			assertThat(stored(this.well, "xmin::text")).as("a known well's row is not rewritten").isEqualTo(registered);
			holder.rollback();
		}
		Instant deadline = Instant.now().plusSeconds(30);
		while (!engine.refresh(AggregateName.TELEMETRY_HOURLY, null, null).ran() && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}

		assertThat(Instant.parse(stored(this.well, "to_json(first_sample_at) #>> '{}'"))).isEqualTo(late);
		assertThat(Instant.parse(stored(this.well, "to_json(last_sample_at) #>> '{}'"))).isEqualTo(newest);
		JsonNode read = well(this.well);
		assertThat(instant(read, "firstSampleAt")).isEqualTo(late);
		assertThat(instant(read, "lastSampleAt")).isEqualTo(newest);
		postSamples(sample(this.well, this.hour.plusSeconds(30), 1005));
		assertThat(instant(well(this.well), "lastSampleAt")).as("a sample inside the span moves neither end")
			.isEqualTo(newest);
	}

	/** A column of the well's row in {@code wells} itself, as text, or null. */
	private String stored(String id, String column) {
		List<String> values = this.jdbc.sql("SELECT " + column + " FROM wells WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	@Test
	void theCurrentReadingFallsBackToTheNewestStoredSampleWhenTheNewestIsDeleted() {
		postSamples(sample(this.well, this.hour, 1000) + sample(this.well, this.hour.plusSeconds(60), 2000));
		this.jdbc.sql("DELETE FROM esp_telemetry WHERE well_id = :id AND time = :time")
			.param("id", this.well)
			.param("time", java.sql.Timestamp.from(this.hour.plusSeconds(60)))
			.update();

		JsonNode latest = well(this.well).get("latest");

		assertThat(Instant.parse(latest.get("time").asString())).isEqualTo(this.hour);
		assertThat(latest.get("flowRate").asDouble()).isEqualTo(1000);
	}

	@Test
	void theRegistryIsASpringDataRepository(@Autowired WellRepository wells) {
		postWells("application/x-ndjson", "{\"id\":\"" + this.well + "\",\"name\":\"Repo 1H\",\"installedAt\":\"2019-05-05\"}\n");
		postSamples(sample(this.well, this.hour, 1000));

		Well well = wells.findById(this.well).orElseThrow();

		assertThat(well.name()).isEqualTo("Repo 1H");
		assertThat(well.installedAt()).isEqualTo(java.time.LocalDate.of(2019, 5, 5));
		assertThat(well.lastSampleAt().toInstant()).isEqualTo(this.hour);
	}

	private Response postWells(String type, String body) {
		return this.http.post("/api/v1/wells", type, body, WellgateHttp.TOKEN);
	}

	private void postSamples(String ndjson) {
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", ndjson, WellgateHttp.TOKEN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	static String sample(String well, Instant time, double flowRate) {
		return "{\"wellId\":\"%s\",\"time\":\"%s\",\"flowRate\":%s,\"powerKw\":100}\n".formatted(well, time, flowRate);
	}

	private JsonNode well(String id) {
		JsonNode response = this.http.graphql(WELL, Map.of("id", id), null).json();
		assertThat(response.get("errors")).as(response.toString()).isNull();
		return response.at("/data/well");
	}

	private static Instant instant(JsonNode well, String property) {
		return Instant.parse(well.get(property).asString());
	}

}
