package io.wellgate.aggregate;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Freshness is visible over HTTP: the actuator's health and metrics, and the GraphQL status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AggregateStatusTests {

	@LocalServerPort
	int port;

	@Test
	void healthAndMetricsShowEachAggregatesFreshness() {
		WellgateHttp http = new WellgateHttp(this.port);
		http.graphql("mutation { refreshAggregates { name } }", Map.of(), WellgateHttp.TOKEN);

		JsonNode health = http.get("/actuator/health").json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode hourly = health.at("/components/aggregates/details/telemetry_hourly");
		assertThat(hourly.get("lastRefreshOutcome").asString()).startsWith("ok:");
		assertThat(OffsetDateTime.parse(hourly.get("watermark").asString())).isNotNull();
		assertThat(OffsetDateTime.parse(hourly.get("lastRefreshAt").asString())).isNotNull();

		String prometheus = http.get("/actuator/prometheus").body();
		assertThat(prometheus).contains("wellgate_aggregate_lag_seconds{aggregate=\"telemetry_daily\"")
			.contains("wellgate_aggregate_pending_invalidations{aggregate=\"well_performance_hourly\"");
	}

	@Test
	void whatHasNotHappenedYetIsNullNotTheWordNull() {
		Map<String, Object> details = AggregateObservability
			.details(new AggregateStatus("telemetry_hourly", null, null, 0, null, null, null));

		assertThat(details).containsEntry("watermark", null).containsEntry("lastRefreshAt", null);
	}

	@Test
	void aggregateStatusListsTheFourAggregates() {
		JsonNode status = new WellgateHttp(this.port)
			.graphql("{ aggregateStatus { name pendingInvalidations lastRefreshOutcome } }", Map.of(), null)
			.json();
		assertThat(status.at("/data/aggregateStatus").findValuesAsString("name")).containsExactly(
				"diagnostic_summary_daily", "telemetry_daily", "telemetry_hourly", "well_performance_hourly");
	}

}
