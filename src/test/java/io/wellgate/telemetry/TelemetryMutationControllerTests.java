package io.wellgate.telemetry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.wellgate.system.GraphQlSliceConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import io.wellgate.ingest.Partitions;
import io.wellgate.ingest.GraphQlRows;
import io.wellgate.ingest.BulkWriter;

/**
 * Slice test of {@link TelemetryMutationController} over a real database, without the security
 * layer (the end-to-end tests cover the token): what it stores and how it refuses.
 */
@GraphQlTest(controllers = TelemetryMutationController.class, includeFilters = @Filter(type = FilterType.REGEX,
		pattern = "io\\.wellgate\\.well\\.(WellController|LatestReadings)"))
@Import({ GraphQlSliceConfiguration.class, GraphQlRows.class, BulkWriter.class, Partitions.class })
class TelemetryMutationControllerTests {

	// language=GraphQL
	static final String INGEST = """
			mutation ($samples: [TelemetrySampleInput!]!) { ingestTelemetry(samples: $samples) { accepted } }
			""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	JdbcClient jdbc;

	String well = "slice-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void samplesAreStoredAndTheirWellRegistered() {
		this.graphQl.document(INGEST)
			.variable("samples", List.of(Map.of("wellId", this.well, "time", "2026-01-02T03:04:05Z", "motorCurrent", 61.5)))
			.execute()
			.path("ingestTelemetry.accepted").entity(Integer.class).isEqualTo(1);

		assertThat(this.jdbc.sql("SELECT motor_current FROM esp_telemetry WHERE well_id = :w").param("w", this.well)
			.query(Double.class).single()).isEqualTo(61.5);
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id = :w").param("w", this.well)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aSampleWithoutAnyMetricIsABadRequestAndNothingIsStored() {
		this.graphQl.document(INGEST)
			.variable("samples", List.of(Map.of("wellId", this.well, "time", "2026-01-02T03:04:05Z")))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("samples[0]: a sample must carry at least one metric"))
			.verify();

		assertThat(this.jdbc.sql("SELECT count(*) FROM esp_telemetry WHERE well_id = :w").param("w", this.well)
			.query(Integer.class).single()).isZero();
	}

}
