package io.wellgate.aggregate;

import org.junit.jupiter.api.Test;

import io.wellgate.system.GraphQlSliceConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Slice test of {@link AggregateController}'s status query over a real database.
 */
@GraphQlTest(AggregateController.class)
@Import({ GraphQlSliceConfiguration.class, AggregateEngine.class })
class AggregateControllerTests {

	@Autowired
	GraphQlTester graphQl;

	@Test
	void aggregateStatusNamesTheFourAggregatesInOrder() {
		this.graphQl.document("{ aggregateStatus { name pendingInvalidations } }")
			.execute()
			.path("aggregateStatus[*].name")
			.entityList(String.class)
			.containsExactly("diagnostic_summary_daily", "telemetry_daily", "telemetry_hourly", "well_performance_hourly");
	}

}
