package io.wellgate.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.system.GraphQlSliceConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slice test of {@link WellAnalyticsController} over a real database: a well's windowed fields
 * read rows written straight into the raw table (so pending, aggregated on the fly), and their
 * arguments are checked.
 */
@GraphQlTest(controllers = WellAnalyticsController.class, includeFilters = @Filter(type = FilterType.REGEX,
		pattern = "io\\.wellgate\\.well\\.WellController"))
@Import({ GraphQlSliceConfiguration.class, AggregateEngine.class, TelemetryQueries.class, PerformanceQueries.class,
		DiagnosticQueries.class, Windows.class })
class WellAnalyticsControllerTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	JdbcClient jdbc;

	String well;

	Instant hour = Instant.parse("2024-03-05T10:00:00Z");

	@BeforeEach
	void writeTwoSamples() {
		this.well = "slice-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO wells (id) VALUES (:id)").param("id", this.well).update();
		this.jdbc.sql("SELECT wellgate_ensure_daily_partitions('esp_telemetry', ARRAY[DATE '2024-03-05'])").query().singleRow();
		this.jdbc.sql("""
				INSERT INTO esp_telemetry (well_id, time, flow_rate, vibration)
				VALUES (:id, :t1, 1000, 0.2), (:id, :t2, 2000, 0.8)
				""")
			.param("id", this.well)
			.param("t1", OffsetDateTime.ofInstant(this.hour.plusSeconds(60), ZoneOffset.UTC))
			.param("t2", OffsetDateTime.ofInstant(this.hour.plusSeconds(120), ZoneOffset.UTC))
			.update();
	}

	@Test
	void hourlyOfAnExplicitWindowHoldsTheWrittenSamples() {
		this.graphQl.document("""
				query ($id: ID!) {
				  well(id: $id) { hourly(from: "2024-03-05T09:30:00Z", to: "2024-03-05T11:00:00Z") {
				    bucket samples flowRate { avg min max } } }
				}
				""")
			.variable("id", this.well)
			.execute()
			.path("well.hourly[0].samples").entity(Integer.class).isEqualTo(2)
			.path("well.hourly[0].flowRate.avg").entity(Double.class).isEqualTo(1500.0)
			.path("well.hourly[0].flowRate.max").entity(Double.class).isEqualTo(2000.0)
			.path("well.hourly[1]").pathDoesNotExist();
	}

	@Test
	void performanceSummaryCountsTheBreachingSample() {
		this.graphQl.document("""
				query ($id: ID!) {
				  well(id: $id) { performanceSummary(from: "2024-03-05T10:00:00Z", to: "2024-03-05T11:00:00Z") {
				    samples anomalyCount healthScore efficiencyScore } }
				}
				""")
			.variable("id", this.well)
			.execute()
			.path("well.performanceSummary.samples").entity(Integer.class).isEqualTo(2)
			.path("well.performanceSummary.anomalyCount").entity(Integer.class).isEqualTo(1)
			.path("well.performanceSummary.healthScore").entity(Double.class).isEqualTo(82.5)
			.path("well.performanceSummary.efficiencyScore").valueIsNull();
	}

	@Test
	void aRelativeSizeOutOfRangeIsABadRequestNamingIt() {
		this.graphQl.document("query ($id: ID!) { well(id: $id) { daily(days: 91) { day } } }")
			.variable("id", this.well)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "days".equals(error.getExtensions().get("argument")))
			.verify();
	}

	@Test
	void diagnosticsOfAWindowWithoutFindingsAreEmpty() {
		this.graphQl.document("""
				query ($id: ID!) { well(id: $id) { diagnostics(from: "2024-03-01T00:00:00Z", to: "2024-03-08T00:00:00Z") { day } } }
				""")
			.variable("id", this.well)
			.execute()
			.path("well.diagnostics").entityList(Object.class).hasSize(0);
	}

}
