package io.wellgate.live;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operation reads, as the cache and the ETags see it. */
class ReadPlansTests {

	final ReadPlans plans = new ReadPlans(10);

	@Test
	void aWellsReadsAreThatWells() {
		ReadPlan plan = this.plans.of("query ($id: ID!) { well(id: $id) { hourly { samples } } }", null, Map.of("id", "W-1"));
		assertThat(plan.query()).isTrue();
		assertThat(plan.cacheable()).isTrue();
		assertThat(plan.fleet()).isFalse();
		assertThat(plan.wells()).isEqualTo(Set.of("W-1"));
		assertThat(plan.reads("W-2")).isFalse();
	}

	@Test
	void fragmentsAndListsOfWellsAreFollowed() {
		ReadPlan plan = this.plans.of("""
				query { ...Both }
				fragment Both on Query { well(id: "A") { id } diagnosticSummary(wellIds: ["B", "C"]) { total } }
				""", null, Map.of());
		assertThat(plan.wells()).isEqualTo(Set.of("A", "B", "C"));
	}

	@Test
	void theConnectionTheRankingAndUnknownRootFieldsReadTheFleet() {
		for (String document : List.of("{ wells { edges { node { id } } } }", "{ wellRanking(by: HEALTH) { rank } }",
				"{ diagnosticSummary { total } }", "{ somethingNew }")) {
			assertThat(this.plans.of(document, null, Map.of()).fleet()).as(document).isTrue();
		}
	}

	@Test
	void answersThatMoveWithTheClockAreNotCacheable() {
		assertThat(this.plans.of("{ aggregateStatus { lagSeconds } }", null, Map.of()).cacheable()).isFalse();
		assertThat(this.plans.of("{ well(id: \"A\") { performanceSummary { from to samples } } }", null, Map.of()).cacheable())
			.isFalse();
	}

	@Test
	void operationsAreToldApartByName() {
		String document = "query Read { well(id: \"A\") { id } } mutation Write { ingestTelemetry(samples: []) { accepted } }";
		assertThat(this.plans.of(document, "Read", Map.of()).query()).isTrue();
		assertThat(this.plans.of(document, "Write", Map.of()).kind()).isEqualTo(ReadPlan.Kind.MUTATION);
		assertThat(this.plans.of(document, null, Map.of()).kind()).isEqualTo(ReadPlan.Kind.UNKNOWN);
		assertThat(this.plans.of("{ not closed", null, Map.of()).kind()).isEqualTo(ReadPlan.Kind.UNKNOWN);
	}

}
