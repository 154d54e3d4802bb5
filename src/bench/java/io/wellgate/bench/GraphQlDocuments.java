package io.wellgate.bench;

import java.util.stream.Collectors;

import io.wellgate.telemetry.TelemetryMetric;

/**
 * The GraphQL documents of the measured reads: the same fields the raw SQL and the aggregate
 * reads compute (every metric), for one well ({@code $id}) or for a page of the whole fleet.
 */
final class GraphQlDocuments {

	static final String HOURLY_FIELDS = "hourly(hours: 24) { bucket samples " + metrics("avg min max") + " }";

	static final String DAILY_FIELDS = "daily(days: 30) { day samples " + metrics("avg min max stddev median") + " }";

	static final String PERFORMANCE_FIELDS = "performance(hours: 24) { bucket samples efficiencyScore healthScore anomalyCount }";

	// language=GraphQL
	static final String RANKING = """
			{
			  wellRanking(by: EFFICIENCY, hours: 24, limit: 1000) {
			    rank score well { id } summary { samples healthScore anomalyCount }
			  }
			}
			""";

	/**
	 * A fleet dashboard's page: every windowed field of every well of the page; what the
	 * statement count compares between 10 wells and the whole fleet.
	 */
	// language=GraphQL
	static final String FLEET_PAGE = """
			query ($first: Int!) {
			  wells(first: $first) {
			    edges { node { id
			      hourly(hours: 24) { samples flowRate { avg } }
			      daily(days: 30) { samples vibration { median } }
			      performance(hours: 24) { efficiencyScore }
			      performanceSummary(hours: 24) { healthScore }
			    } }
			  }
			}
			""";

	private GraphQlDocuments() {
	}

	/** {@code fields} of the well {@code $id}. */
	static String oneWell(String fields) {
		return "query ($id: ID!) { well(id: $id) { " + fields + " } }";
	}

	/** {@code fields} of every well (the first 1000, more than any measured fleet). */
	static String fleet(String fields) {
		return "{ wells(first: 1000) { edges { node { id " + fields + " } } } }";
	}

	private static String metrics(String selection) {
		return TelemetryMetric.all()
			.stream()
			.map(metric -> metric.field() + " { " + selection + " }")
			.collect(Collectors.joining(" "));
	}

}
