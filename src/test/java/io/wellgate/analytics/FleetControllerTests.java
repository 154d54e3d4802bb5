package io.wellgate.analytics;

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

/**
 * Slice test of {@link FleetController} over a real database: the fleet reads' arguments.
 */
// The federation schema needs Well's entity mapping, so WellController comes along.
@GraphQlTest(controllers = FleetController.class, includeFilters = @Filter(type = FilterType.REGEX,
		pattern = "io\\.wellgate\\.well\\.WellController"))
@Import({ GraphQlSliceConfiguration.class, AggregateEngine.class, PerformanceQueries.class, DiagnosticQueries.class,
		Windows.class })
class FleetControllerTests {

	@Autowired
	GraphQlTester graphQl;

	@Test
	void aRankingOfAWindowWithoutDataIsEmpty() {
		this.graphQl.document("""
				{ wellRanking(by: HEALTH, from: "1999-01-01T00:00:00Z", to: "1999-01-02T00:00:00Z") { rank } }
				""").execute().path("wellRanking").entityList(Object.class).hasSize(0);
	}

	@Test
	void aRankingLimitOutOfRangeIsABadRequestNamingIt() {
		this.graphQl.document("{ wellRanking(by: EFFICIENCY, limit: 1001) { rank } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "limit".equals(error.getExtensions().get("argument")))
			.verify();
	}

	@Test
	void aDiagnosticSummaryOfAWindowWithoutDataIsEmpty() {
		this.graphQl.document("""
				{ diagnosticSummary(from: "1999-01-01T00:00:00Z", to: "1999-01-08T00:00:00Z") { day } }
				""").execute().path("diagnosticSummary").entityList(Object.class).hasSize(0);
	}

	@Test
	void fromWithoutToIsABadRequestNamingTo() {
		this.graphQl.document("{ diagnosticSummary(from: \"1999-01-01T00:00:00Z\") { day } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "to".equals(error.getExtensions().get("argument")))
			.verify();
	}

}
