package io.wellgate.telemetry;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV bodies as spreadsheets and field systems write them (RFC 4180 quoting, a byte-order mark,
 * CRLF), over real HTTP against real PostgreSQL: what is sent is what is stored, and a body the
 * parser cannot frame is refused naming the line where the trouble starts, storing nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsvFormatTests {

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
		this.well = "csv-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void quotedCellsWithCommasAndDoubledQuotesAreStoredAsWritten() {
		String body = "id,name,field,pumpModel\n" + this.well + ",\"Smith, 1H\",\"Permian\",\"REDA \"\"Maximus\"\" 400\"\n"
				+ this.well + "-b,\"\",Bakken,\"a \"\"quoted\"\", and, commas\"\n";
		Response response = this.http.post("/api/v1/wells", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("accepted").asLong()).isEqualTo(2);
		assertThat(well(this.well)).containsEntry("name", "Smith, 1H")
			.containsEntry("field", "Permian")
			.containsEntry("pump_model", "REDA \"Maximus\" 400");
		assertThat(well(this.well + "-b")).containsEntry("name", null)
			.containsEntry("pump_model", "a \"quoted\", and, commas");
	}

	@Test
	void aQuotedCommaStaysInsideItsCell() {
		String body = "wellId,time,flowRate,vibration\n" + this.well + "," + this.hour + ",\"1,500\",0.2\n";
		Response response = this.http.post("/api/v1/telemetry", "text/csv", body, WellgateHttp.TOKEN);

		// Split on the comma, the line would have had five cells; read as CSV, flowRate is "1,500".
		assertThat(response.status()).isEqualTo(400);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(2);
		assertThat(error.get("field").asString()).isEqualTo("flowRate");
		assertThat(error.get("reason").asString()).contains("must be a number");
		assertThat(samples()).isEmpty();
	}

	@Test
	void aByteOrderMarkAtTheStartIsIgnored() {
		String body = "\uFEFFwellId,time,flowRate\r\n" + this.well + "," + this.hour + ",1500\r\n";
		Response response = this.http.post("/api/v1/telemetry", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(samples()).extracting(r -> r.get("flow_rate")).containsExactly(1500.0);
	}

	@Test
	void crlfLineEndsAreOneLineEachAndTheLastMayHaveNone() {
		String body = "wellId,time,flowRate\r\n" + this.well + "," + this.hour + ",1\r\n\r\n" + this.well + ","
				+ this.hour.plusSeconds(60) + ",2\r\n" + this.well + "," + this.hour.plusSeconds(120) + ",3";
		Response response = this.http.post("/api/v1/telemetry", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("accepted").asLong()).isEqualTo(3);
		assertThat(samples()).extracting(r -> r.get("flow_rate")).containsExactly(1.0, 2.0, 3.0);
	}

	@Test
	void aBadLineAfterCrlfAndBlankLinesIsNamedByItsLineInTheBody() {
		String body = "wellId,time,flowRate\r\n" + this.well + "," + this.hour + ",1\r\n\r\n \t \r\n" + this.well + ","
				+ this.hour.plusSeconds(60) + ",-5\r\n";
		Response response = this.http.post("/api/v1/telemetry", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(5);
		assertThat(error.get("field").asString()).isEqualTo("flowRate");
		assertThat(samples()).isEmpty();
	}

	@Test
	void aQuotedLineBreakKeepsTheFollowingLinesNumberedAsInTheBody() {
		String body = "id,name,installedAt\n" + this.well + ",\"two\nlines\",2020-01-01\n" + this.well
				+ "-b,Fine,2020-13-01\n";
		Response response = this.http.post("/api/v1/wells", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		JsonNode errors = response.json().get("errors");
		// The record that spans lines 2 and 3 is named by the line it starts on.
		assertThat(errors.get(0).get("line").asInt()).isEqualTo(2);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("name");
		assertThat(errors.get(0).get("reason").asString()).contains("control characters");
		assertThat(errors.get(1).get("line").asInt()).isEqualTo(4);
		assertThat(errors.get(1).get("field").asString()).isEqualTo("installedAt");
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id LIKE :id").param("id", this.well + "%")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void anUnterminatedQuoteIsRefusedNamingItsLineAndColumnAndStoresNothing() {
		String body = "wellId,time,flowRate,vibration\n" + this.well + "," + this.hour + ",1,0.1\n" + this.well + ","
				+ this.hour.plusSeconds(60) + ",\"2,0.2\n" + this.well + "," + this.hour.plusSeconds(120) + ",3,0.3\n";
		Response response = this.http.post("/api/v1/telemetry", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode error = response.json().get("errors").get(0);
		int column = (this.well + "," + this.hour.plusSeconds(60) + ",").length() + 1;
		assertThat(error.get("line").asInt()).isEqualTo(3);
		assertThat(error.get("field").asString()).isEqualTo("flowRate");
		assertThat(error.get("reason").asString()).contains("quote that is never closed").contains("column " + column);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
		assertThat(samples()).isEmpty();
	}

	@Test
	void textAfterAClosingQuoteIsRefusedNamingItsLine() {
		String body = "wellId,time,flowRate\n" + this.well + "," + this.hour + ",\"1\"5\n";
		Response response = this.http.post("/api/v1/telemetry", "text/csv", body, WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(400);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(2);
		assertThat(error.get("reason").asString()).contains("after a closing quote");
		assertThat(samples()).isEmpty();
	}

	@Test
	void anOversizedBodySentWithoutItsLengthGets413AndStoresNothing() {
		StringBuilder csv = new StringBuilder("wellId,time,flowRate\n");
		for (int i = 0; csv.length() < 5 * 1024 * 1024; i++) {
			csv.append(this.well).append(',').append(this.hour.plusMillis(i)).append(",1\n");
		}
		byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
		// A stream of unknown length goes out chunked: the limit is found while the parser reads.
		Response response = this.http.post("/api/v1/telemetry", "text/csv",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), WellgateHttp.TOKEN);

		assertThat(response.status()).isEqualTo(413);
		assertThat(samples()).isEmpty();
	}

	private List<Map<String, Object>> samples() {
		return this.jdbc.sql("""
				SELECT flow_rate
				FROM esp_telemetry
				WHERE well_id = :well
				ORDER BY time
				""").param("well", this.well).query().listOfRows();
	}

	private Map<String, Object> well(String id) {
		return this.jdbc.sql("""
				SELECT name, field, pump_model
				FROM wells
				WHERE id = :id
				""").param("id", id).query().singleRow();
	}

}
