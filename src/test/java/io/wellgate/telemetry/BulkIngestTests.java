package io.wellgate.telemetry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;
import io.wellgate.ingest.BulkWriter.Route;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import io.wellgate.ingest.BulkWriter;

/**
 * The bulk endpoints over real HTTP against real PostgreSQL: what is sent is what is stored,
 * bad input is refused whole with a precise reason (also once the table has taken or refused
 * part of the body), and re-sending never duplicates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulkIngestTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkWriter writer;

	WellgateHttp http;

	String well;

	Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

	@BeforeEach
	void setUp() {
		this.http = new WellgateHttp(this.port);
		this.well = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void ndjsonStoresExactlyWhatWasSent() {
		String body = """
				{"wellId":"%1$s","time":"%2$s","flowRate":1200.5,"intakePressure":850,"dischargePressure":3100.25,"motorCurrent":55.5,"motorVoltage":3000,"motorTemperature":210.1,"intakeTemperature":180,"vibration":0.21,"frequency":58.5,"powerKw":120}
				{"wellId":"%1$s","time":"%3$s","vibration":0.7,"motorTemperature":null}

				""".formatted(this.well, this.hour, this.hour.plusSeconds(60));
		long direct = this.writer.writes(Route.DIRECT);
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("accepted").asLong()).isEqualTo(2);
		assertThat(this.writer.writes(Route.DIRECT)).isEqualTo(direct + 1);
		List<Map<String, Object>> rows = rows();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("flow_rate", 1200.5)
			.containsEntry("intake_pressure", 850.0)
			.containsEntry("discharge_pressure", 3100.25)
			.containsEntry("motor_current", 55.5)
			.containsEntry("motor_voltage", 3000.0)
			.containsEntry("motor_temperature", 210.1)
			.containsEntry("intake_temperature", 180.0)
			.containsEntry("vibration", 0.21)
			.containsEntry("frequency", 58.5)
			.containsEntry("power_kw", 120.0);
		assertThat(rows.get(1)).containsEntry("vibration", 0.7).containsEntry("motor_temperature", null)
			.containsEntry("flow_rate", null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id = :id").param("id", this.well)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void csvStoresExactlyWhatWasSent() {
		String body = "wellId,time,flowRate,vibration,powerKw\r\n" + this.well + "," + this.hour + ",1500,,\"99.5\"\r\n"
				+ "\"" + this.well + "\"," + this.hour.plusSeconds(30) + ",1e3,0.4,100\r\n";
		Response response = this.http.post("/api/v1/telemetry", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("accepted").asLong()).isEqualTo(2);
		List<Map<String, Object>> rows = rows();
		assertThat(rows).extracting(r -> r.get("flow_rate")).containsExactly(1500.0, 1000.0);
		assertThat(rows).extracting(r -> r.get("vibration")).containsExactly(null, 0.4);
		assertThat(rows).extracting(r -> r.get("power_kw")).containsExactly(99.5, 100.0);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			NaN is refused                | text/csv            | wellId,time,flowRate¶{w},{t},NaN                          | 2 | flowRate          | must be a finite number
			Infinity is refused           | application/x-ndjson| {"wellId":"{w}","time":"{t}","powerKw":Infinity}        | 1 | powerKw           | must be a finite number
			above the range               | application/x-ndjson| {"wellId":"{w}","time":"{t}","flowRate":50000.5}        | 1 | flowRate          | must be between 0 and 50000
			below the range               | text/csv            | wellId,time,motorTemperature¶{w},{t},-40.1                | 2 | motorTemperature  | must be between -40 and 500
			unknown field                 | application/x-ndjson| {"wellId":"{w}","time":"{t}","flowRate":1,"pressure":2} | 1 | pressure          | unknown field
			unknown CSV column            | text/csv            | wellId,time,pressure¶{w},{t},1                            | 1 | pressure          | unknown column
			far future                    | application/x-ndjson| {"wellId":"{w}","time":"2999-01-01T00:00:00Z","flowRate":1} | 1 | time          | minutes in the future
			before year 1                 | application/x-ndjson| {"wellId":"{w}","time":"-0001-06-01T00:00:00Z","flowRate":1} | 1 | time          | the earliest time stored
			year 0 in CSV                 | text/csv            | wellId,time,flowRate¶{w},0000-12-31T23:59:59Z,1          | 2 | time              | the earliest time stored
			bad well id                   | application/x-ndjson| {"wellId":"bad id!","time":"{t}","flowRate":1}         | 1 | wellId            | must be 1 to 64 characters
			well id too long              | application/x-ndjson| {"wellId":"{w}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","time":"{t}","flowRate":1} | 1 | wellId | must be 1 to 64 characters
			missing well id               | application/x-ndjson| {"time":"{t}","flowRate":1}                              | 1 | wellId            | is required
			missing time                  | application/x-ndjson| {"wellId":"{w}","flowRate":1}                            | 1 | time              | is required
			time without offset           | application/x-ndjson| {"wellId":"{w}","time":"2026-01-01T00:00:00","flowRate":1} | 1 | time            | RFC 3339
			no metric at all              | application/x-ndjson| {"wellId":"{w}","time":"{t}"}                           | 1 |                   | at least one metric
			number sent as text           | application/x-ndjson| {"wellId":"{w}","time":"{t}","flowRate":"12"}           | 1 | flowRate          | must be a number
			malformed JSON                | application/x-ndjson| {"wellId":"{w}","time":"{t}","flowRate":1               | 1 |                   | not valid JSON
			not an object                 | application/x-ndjson| [1,2,3]                                                   | 1 |                   | must be a JSON object
			CSV cell count                | text/csv            | wellId,time,flowRate¶{w},{t},1,2                          | 2 |                   | has 4 cells where the header has 3
			CSV text for a number         | text/csv            | wellId,time,flowRate¶{w},{t},0x10                         | 2 | flowRate          | must be a number
			""")
	void badInputIsRefusedWithItsReasonAndStoresNothing(String rule, String contentType, String line, int lineNumber,
			String field, String reason) {
		String bad = line.replace("{w}", this.well).replace("{t}", this.hour.toString()).replace("¶", "\n");
		String good = contentType.equals("text/csv") ? "" : "{\"wellId\":\"" + this.well + "\",\"time\":\"" + this.hour.minusSeconds(60) + "\",\"flowRate\":5}\n";
		Response response = this.http.post("/api/v1/telemetry", contentType.strip(), good + bad, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(good.isEmpty() ? lineNumber : lineNumber + 1);
		if (field != null) {
			assertThat(error.get("field").asString()).isEqualTo(field);
		}
		assertThat(error.get("reason").asString()).contains(reason);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
		assertThat(rows()).isEmpty();
	}

	@Test
	void oneBadLineRejectsTheWholeRequest() {
		String body = IntStream.range(0, 5)
			.mapToObj(i -> "{\"wellId\":\"" + this.well + "\",\"time\":\"" + this.hour.plusSeconds(i) + "\",\"flowRate\":"
					+ (i == 3 ? -1 : i) + "}")
			.collect(Collectors.joining("\n"));
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("badLines").asLong()).isEqualTo(1);
		assertThat(response.json().get("errors").get(0).get("line").asInt()).isEqualTo(4);
		assertThat(rows()).isEmpty();
	}

	@Test
	void aBadLineAfterTheCopyHasStartedStoresNothing() {
		String body = ndjson(0, 3000, 1.0) + "\n{\"wellId\":\"" + this.well + "\",\"time\":\"" + this.hour.minusSeconds(1)
				+ "\",\"frequency\":121}\n" + ndjson(3000, 10, 1.0);
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("badLines").asLong()).isEqualTo(1);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(3001);
		assertThat(error.get("field").asString()).isEqualTo("frequency");
		assertThat(error.get("reason").asString()).isEqualTo("must be between 0 and 120, got 121");
		assertThat(rows()).isEmpty();
	}

	@Test
	void aBadLineInAReSentBodyStoresNothingAndKeepsWhatWasStored() {
		assertThat(this.http.post("/api/v1/telemetry", "application/x-ndjson", ndjson(0, 100, 10.0), WellgateHttp.TOKEN)
			.status()).isEqualTo(200);
		// The re-sent lines come first: the table has refused the COPY before the bad line is read.
		String body = ndjson(0, 3000, 20.0) + "\n{\"wellId\":\"" + this.well + "\",\"time\":\"not a time\",\"flowRate\":1}";
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("line").asInt()).isEqualTo(3001);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("time");
		List<Map<String, Object>> rows = rows();
		assertThat(rows).hasSize(100);
		assertThat(rows).allSatisfy(row -> assertThat(row.get("flow_rate")).isEqualTo(10.0));
	}

	@Test
	void atMostOneHundredBadLinesAreListed() {
		String body = IntStream.range(0, 150)
			.mapToObj(i -> "{\"wellId\":\"" + this.well + "\",\"time\":\"" + this.hour.plusSeconds(i) + "\",\"vibration\":99}")
			.collect(Collectors.joining("\n"));
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("badLines").asLong()).isEqualTo(150);
		assertThat(response.json().get("errors").size()).isEqualTo(100);
	}

	@Test
	void reSentSamplesReplaceAndNeverDuplicate() {
		String first = ndjson(0, 100, 10.0);
		assertThat(this.http.post("/api/v1/telemetry", "application/x-ndjson", first, WellgateHttp.TOKEN).status())
			.isEqualTo(200);
		String again = ndjson(0, 100, 20.0);
		long merged = this.writer.writes(Route.MERGE);
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", again, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.writer.writes(Route.MERGE)).isEqualTo(merged + 1);
		List<Map<String, Object>> rows = rows();
		assertThat(rows).hasSize(100);
		assertThat(rows).allSatisfy(row -> assertThat(row.get("flow_rate")).isEqualTo(20.0));
	}

	@Test
	void reSentCsvRowsReplaceAndNeverDuplicate() {
		String first = "wellId,time,flowRate\n" + this.well + "," + this.hour + ",1\n" + this.well + ","
				+ this.hour.plusSeconds(1) + ",2\n";
		String again = "wellId,time,flowRate,vibration\n" + this.well + "," + this.hour.plusSeconds(1) + ",3,0.5\n"
				+ this.well + "," + this.hour.plusSeconds(2) + ",4,\n";
		assertThat(this.http.post("/api/v1/telemetry", "text/csv", first, WellgateHttp.TOKEN).status()).isEqualTo(200);
		Response response = this.http.post("/api/v1/telemetry", "text/csv", again, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(rows()).extracting(r -> r.get("flow_rate")).containsExactly(1.0, 3.0, 4.0);
		assertThat(rows()).extracting(r -> r.get("vibration")).containsExactly(null, 0.5, null);
	}

	@Test
	void theLastCopyOfAKeyInOneRequestWins() {
		String body = ndjson(0, 3, 1.0) + "\n" + ndjson(1, 1, 7.0);
		long merged = this.writer.writes(Route.MERGE);
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.writer.writes(Route.MERGE)).isEqualTo(merged + 1);
		assertThat(rows()).extracting(r -> r.get("flow_rate")).containsExactly(1.0, 7.0, 1.0);
	}

	@Test
	void backfilledHistoryGetsItsPartitions() {
		Instant longAgo = Instant.parse("2019-02-28T23:59:59Z");
		String body = "{\"wellId\":\"" + this.well + "\",\"time\":\"" + longAgo + "\",\"flowRate\":1}\n"
				+ "{\"wellId\":\"" + this.well + "\",\"time\":\"" + longAgo.plusSeconds(2) + "\",\"flowRate\":2}";
		long again = this.writer.writes(Route.DIRECT_AFTER_PARTITIONS);
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.writer.writes(Route.DIRECT_AFTER_PARTITIONS)).isEqualTo(again + 1);
		assertThat(rows()).hasSize(2);
		assertThat(this.jdbc.sql("SELECT to_regclass('esp_telemetry_p20190301') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void writesWithoutAValidTokenAreRefusedAndStoreNothing() {
		String body = ndjson(0, 2, 1.0);
		Response none = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, null);
		Response wrong = this.http.post("/api/v1/telemetry", "application/x-ndjson", body, "not-a-key");
		Response diagnostics = this.http.post("/api/v1/diagnostics", "text/csv", "wellId,time,type,severity,confidence\n"
				+ this.well + "," + this.hour + ",GAS_LOCK,HIGH,0.9", null);

		assertThat(none.status()).isEqualTo(401);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(diagnostics.status()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		assertThat(rows()).isEmpty();
	}

	@Test
	void everyConfiguredKeyIsAccepted() {
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", ndjson(0, 1, 1.0), "second-key");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void anOversizedBodyGets413AndStoresNothing() {
		String line = "{\"wellId\":\"" + this.well + "\",\"time\":\"%s\",\"flowRate\":1}\n";
		StringBuilder body = new StringBuilder();
		for (int i = 0; body.length() < 5 * 1024 * 1024; i++) {
			body.append(line.formatted(this.hour.plusMillis(i)));
		}
		Response response = this.http.post("/api/v1/telemetry", "application/x-ndjson", body.toString(), WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(413);
		assertThat(rows()).isEmpty();
	}

	@Test
	void otherContentTypesGet415() {
		Response response = this.http.post("/api/v1/telemetry", "application/json", ndjson(0, 1, 1.0), WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(415);
		assertThat(rows()).isEmpty();
	}

	@Test
	void diagnosticsStoreExactlyWhatWasSentInBothFormats() {
		String ndjson = "{\"wellId\":\"" + this.well + "\",\"time\":\"" + this.hour
				+ "\",\"type\":\"GAS_LOCK\",\"severity\":\"HIGH\",\"confidence\":0.875}";
		String csv = "wellId,time,type,severity,confidence\n" + this.well + "," + this.hour + ",PUMP_WEAR,LOW,0.5\n"
				+ this.well + "," + this.hour + ",GAS_LOCK,CRITICAL,0.95\n";

		assertThat(this.http.post("/api/v1/diagnostics", "application/x-ndjson", ndjson, WellgateHttp.TOKEN).status())
			.isEqualTo(200);
		Response response = this.http.post("/api/v1/diagnostics", "text/csv", csv, WellgateHttp.TOKEN);

		assertThat(response.json().get("accepted").asLong()).isEqualTo(2);
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT type, severity, confidence FROM diagnostic_results WHERE well_id = :well ORDER BY type")
			.param("well", this.well)
			.query()
			.listOfRows();
		assertThat(rows).containsExactly(Map.of("type", "GAS_LOCK", "severity", "CRITICAL", "confidence", 0.95),
				Map.of("type", "PUMP_WEAR", "severity", "LOW", "confidence", 0.5));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"type":"LEAK","severity":"HIGH","confidence":0.5          | type       | must be one of BROKEN_SHAFT
			"type":"GAS_LOCK","severity":"SEVERE","confidence":0.5    | severity   | must be one of CRITICAL, HIGH, LOW, MEDIUM
			"type":"GAS_LOCK","severity":"LOW","confidence":1.5       | confidence | must be between 0 and 1
			"type":"GAS_LOCK","severity":"LOW"                        | confidence | is required
			""")
	void badDiagnosticsAreRefused(String fields, String field, String reason) {
		String body = "{\"wellId\":\"" + this.well + "\",\"time\":\"" + this.hour + "\"," + fields.strip() + "}";
		Response response = this.http.post("/api/v1/diagnostics", "application/x-ndjson", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("errors").get(0).get("reason").asString()).contains(reason);
		assertThat(this.jdbc.sql("SELECT count(*) FROM diagnostic_results WHERE well_id = :well")
			.param("well", this.well).query(Integer.class).single()).isZero();
	}

	private String ndjson(int from, int count, double flowRate) {
		return IntStream.range(from, from + count)
			.mapToObj(i -> "{\"wellId\":\"" + this.well + "\",\"time\":\"" + this.hour.plusSeconds(i) + "\",\"flowRate\":"
					+ flowRate + "}")
			.collect(Collectors.joining("\n"));
	}

	private List<Map<String, Object>> rows() {
		return this.jdbc.sql("""
				SELECT flow_rate, intake_pressure, discharge_pressure, motor_current, motor_voltage,
				       motor_temperature, intake_temperature, vibration, frequency, power_kw
				FROM esp_telemetry
				WHERE well_id = :well
				ORDER BY time
				""").param("well", this.well).query().listOfRows();
	}

}
