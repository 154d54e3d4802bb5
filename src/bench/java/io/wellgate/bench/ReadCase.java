package io.wellgate.bench;


/**
 * One read of a dashboard, measured three ways: a {@code GROUP BY} over raw rows, the service's
 * own aggregate read path in-process, and the GraphQL request end to end. Both SQL reads are
 * timed twice: through JDBC, and on the server alone ({@link ServerTime}).
 *
 * @param rawStopwatch how the raw read is timed (fleet-wide raw scans take seconds)
 * @param httpBody the GraphQL request (JSON) that asks the service for the same read
 * @param target the figures to compare against (TimescaleDB's, from the issue); {@code null} parts have none
 */
record ReadCase(String name, Read raw, Stopwatch rawStopwatch, Read aggregates, String httpBody, Target target) {

	/** A read; answers how many rows (buckets, wells) it returned, so that both ways can be compared. */
	interface Read extends Stopwatch.Task {

		int rows() throws Exception;

		@Override
		default void run() throws Exception {
			rows();
		}

	}

	/**
	 * @param aggregateMs the aggregate read's p50 to beat, on the server (TimescaleDB's figures are server-side)
	 * @param ratio the raw/aggregate ratio to reach, of the server-side p50s
	 * @param httpP50Ms the end-to-end p50 to stay under
	 */
	record Target(Double aggregateMs, Double ratio, Double httpP50Ms) {

		static final Target NONE = new Target(null, null, null);

		/** TimescaleDB's raw and aggregate times for the same read: their ratio is the ratio to reach. */
		static Target timescale(double rawMs, double aggregateMs, Double httpP50Ms) {
			return new Target(aggregateMs, rawMs / aggregateMs, httpP50Ms);
		}

	}

}
