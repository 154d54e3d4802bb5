package io.wellgate.telemetry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two write mutations over real HTTP: they store what they are given, refuse bad input
 * with the element's index and field, and need a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MutationIngestTests {

	// language=GraphQL
	static final String INGEST = """
			mutation ($samples: [TelemetrySampleInput!]!) {
			  ingestTelemetry(samples: $samples) { accepted }
			}
			""";

	// language=GraphQL
	static final String RECORD = """
			mutation ($results: [DiagnosticInput!]!) {
			  recordDiagnostics(results: $results) { accepted }
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WellgateHttp http;

	String well;

	Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);

	@BeforeEach
	void setUp() {
		this.http = new WellgateHttp(this.port);
		this.well = "mut-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void ingestTelemetryStoresWhatItIsGiven() {
		List<Map<String, Object>> samples = List.of(
				Map.of("wellId", this.well, "time", this.hour.toString(), "flowRate", 1500.5, "powerKw", 80),
				Map.of("wellId", this.well, "time", this.hour.plusSeconds(60).toString(), "vibration", 0.3));
		JsonNode response = this.http.graphql(INGEST, Map.of("samples", samples), WellgateHttp.TOKEN).json();

		assertThat(response.get("errors")).isNull();
		assertThat(response.at("/data/ingestTelemetry/accepted").asInt()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT flow_rate, power_kw, vibration FROM esp_telemetry WHERE well_id = :w ORDER BY time")
			.param("w", this.well).query().listOfRows())
			.extracting(r -> List.of(String.valueOf(r.get("flow_rate")), String.valueOf(r.get("power_kw")),
					String.valueOf(r.get("vibration"))))
			.containsExactly(List.of("1500.5", "80.0", "null"), List.of("null", "null", "0.3"));
	}

	@Test
	void recordDiagnosticsStoresWhatItIsGiven() {
		List<Map<String, Object>> results = List.of(Map.of("wellId", this.well, "time", this.hour.toString(), "type",
				"SAND_INGESTION", "severity", "MEDIUM", "confidence", 0.66));
		JsonNode response = this.http.graphql(RECORD, Map.of("results", results), WellgateHttp.TOKEN).json();

		assertThat(response.at("/data/recordDiagnostics/accepted").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT type || '/' || severity || '/' || confidence FROM diagnostic_results WHERE well_id = :w")
			.param("w", this.well).query(String.class).single()).isEqualTo("SAND_INGESTION/MEDIUM/0.66");
	}

	@Test
	void badInputIsABadRequestNamingIndexAndField() {
		List<Map<String, Object>> samples = List.of(Map.of("wellId", this.well, "time", this.hour.toString(), "flowRate", 1),
				Map.of("wellId", this.well, "time", this.hour.plusSeconds(1).toString(), "motorCurrent", 501));
		JsonNode response = this.http.graphql(INGEST, Map.of("samples", samples), WellgateHttp.TOKEN).json();

		JsonNode error = response.get("errors").get(0);
		assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(error.get("message").asString()).isEqualTo("samples[1].motorCurrent: must be between 0 and 500, got 501");
		assertThat(error.at("/extensions/errors/0/index").asInt()).isEqualTo(1);
		assertThat(error.toString()).doesNotContain("Exception");
		assertThat(storedSamples()).isZero();
	}

	@Test
	void moreThanTenThousandRowsIsABadRequest() {
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i <= 10_000; i++) {
			samples.add(Map.of("wellId", this.well, "time", this.hour.plusSeconds(i).toString(), "flowRate", 1));
		}
		JsonNode response = this.http.graphql(INGEST, Map.of("samples", samples), WellgateHttp.TOKEN).json();

		JsonNode error = response.get("errors").get(0);
		assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(error.get("message").asString()).contains("at most 10000 samples per call, got 10001");
		assertThat(storedSamples()).isZero();
	}

	@Test
	void mutationsWithoutATokenAreUnauthorizedAndStoreNothing() {
		List<Map<String, Object>> samples = List.of(Map.of("wellId", this.well, "time", this.hour.toString(), "flowRate", 1));
		List<Map<String, Object>> results = List.of(Map.of("wellId", this.well, "time", this.hour.toString(), "type",
				"OTHER", "severity", "LOW", "confidence", 0.1));
		JsonNode none = this.http.graphql(INGEST, Map.of("samples", samples), null).json();
		// A token that is neither a key nor a valid JWT is refused before GraphQL (RFC 6750).
		WellgateHttp.Response wrong = this.http.graphql(RECORD, Map.of("results", results), "wrong");

		assertThat(none.at("/errors/0/extensions/classification").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
		assertThat(storedSamples()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM diagnostic_results WHERE well_id = :w").param("w", this.well)
			.query(Integer.class).single()).isZero();
	}

	private int storedSamples() {
		return this.jdbc.sql("SELECT count(*) FROM esp_telemetry WHERE well_id = :w").param("w", this.well)
			.query(Integer.class).single();
	}

}
