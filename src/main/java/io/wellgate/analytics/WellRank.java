package io.wellgate.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.wellgate.well.Well;

/**
 * A well's place in a ranking: best first by score (nulls last), then by id.
 *
 * @param well the well's registry entry; null until {@link #of} fills it in, which the ranking
 * does only when the operation selects it
 */
public record WellRank(int rank, String wellId, Double score, PerformanceSummary summary, Well well) {

	public WellRank of(Well well) {
		return new WellRank(this.rank, this.wellId, this.score, this.summary, well);
	}

	public static List<WellRank> rank(List<PerformanceSummary> summaries, RankBy by, int limit) {
		Comparator<PerformanceSummary> order = Comparator
			.comparing((PerformanceSummary s) -> score(s, by), Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(PerformanceSummary::wellId);
		List<PerformanceSummary> sorted = summaries.stream().sorted(order).limit(limit).toList();
		List<WellRank> ranks = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			ranks.add(new WellRank(i + 1, sorted.get(i).wellId(), score(sorted.get(i), by), sorted.get(i), null));
		}
		return ranks;
	}

	private static Double score(PerformanceSummary summary, RankBy by) {
		return by == RankBy.EFFICIENCY ? summary.efficiencyScore() : summary.healthScore();
	}

}
