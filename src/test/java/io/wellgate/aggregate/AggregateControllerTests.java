package io.wellgate.aggregate;

import org.junit.jupiter.api.Test;

import io.wellgate.system.GraphQlSliceConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Slice test of {@link AggregateController}'s status query over a real database.
 */
// The federation schema needs Well's entity mapping, so WellController comes along.
@GraphQlTest(controllers = AggregateController.class, includeFilters = @Filter(type = FilterType.REGEX,
		pattern = "io\\.wellgate\\.well\\.WellController"))
@Import({ GraphQlSliceConfiguration.class, AggregateEngine.class, AggregateStatuses.class })
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
