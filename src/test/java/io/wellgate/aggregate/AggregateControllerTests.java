package io.wellgate.aggregate;

import org.junit.jupiter.api.Test;

import io.wellgate.system.GraphQlSliceConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slice test of {@link AggregateController} over a real database: the status query, and the
 * refresh mutation's handling of the aggregate's name (its admin scope is tested over HTTP).
 */
// The federation schema needs Well's entity mapping, so WellController comes along.
@GraphQlTest(controllers = AggregateController.class, includeFilters = @Filter(type = FilterType.REGEX,
		pattern = "io\\.wellgate\\.well\\.(WellController|LatestReadings)"))
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

	@Test
	void refreshingAnUnknownAggregateNamesTheArgumentAndTheFour() {
		this.graphQl.document("mutation { refreshAggregates(aggregate: \"telemetry_weekly\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getExtensions()).containsEntry("argument", "aggregate");
				assertThat(error.getMessage()).isEqualTo("aggregate: unknown aggregate 'telemetry_weekly'; one of "
						+ "telemetry_hourly, telemetry_daily, well_performance_hourly, diagnostic_summary_daily");
			}));
	}

	@Test
	void refreshingOneAggregateAnswersItsStatusAlone() {
		this.graphQl.document("mutation { refreshAggregates(aggregate: \"telemetry_daily\") { name } }")
			.execute()
			.path("refreshAggregates[*].name")
			.entityList(String.class)
			.containsExactly("telemetry_daily");
	}

}
