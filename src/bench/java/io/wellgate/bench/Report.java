package io.wellgate.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured; written as JSON and rendered as the markdown table.
 */
record Report(String date, Machine machine, Fleet fleet, Ingestion ingestion, List<ReadResult> reads,
		DashboardLoad.Result dashboard, Throughput.Result throughput, List<RefreshProbe.Refresh> refresh,
		Statements statements, Memory memory, double minutes) {

	/** @param database "embedded" or the JDBC URL */
	record Machine(int cores, double memoryGiB, String cpu, String java, String postgres, String database) {
	}

	record Fleet(int wells, int days, long seed, long samples) {
	}

	/**
	 * @param http the bulk endpoint, one NDJSON request per well
	 * @param copy a plain COPY of the same rows into an unindexed table
	 * @param indexedCopy the same COPY into a table with esp_telemetry's primary key and time index
	 * @param ratio http / copy: what the target is held against
	 * @param indexedRatio http / indexedCopy
	 * @param firstRefreshMillis materializing the first D/4 days, all aggregates
	 * @param catchUpRefreshMillis materializing the older history loaded afterwards
	 */
	record Ingestion(Ingest.Rate http, Ingest.Rate copy, Ingest.Rate indexedCopy, double httpPerSecond,
			double copyPerSecond, double ratio, double indexedCopyPerSecond, double indexedRatio,
			double firstRefreshMillis, double catchUpRefreshMillis) {
	}

	/**
	 * @param rows what the raw read returned, and the aggregate read (they must agree)
	 * @param raw the raw read in-process through JDBC: round trip, transfer and row reading included
	 * @param aggregates the service's aggregate read in-process through JDBC, the same way
	 * @param ratio raw p50 / aggregates p50, through JDBC
	 * @param serverRaw the raw read's statement, timed by the server (see {@link ServerTime})
	 * @param serverAggregates the aggregate read's statement, timed by the server
	 * @param serverRatio serverRaw p50 / serverAggregates p50: with serverAggregates, what the targets are held against
	 */
	record ReadResult(String name, int rows, int aggregateRows, Timing raw, Timing aggregates, Timing http,
			double ratio, ServerTime.Result serverRaw, ServerTime.Result serverAggregates, double serverRatio,
			ReadCase.Target target) {
	}

	/**
	 * @param fleetPage statements for {@link GraphQlDocuments#FLEET_PAGE} per page size
	 * @param dashboard statements for each dashboard query
	 */
	record Statements(Map<Integer, Long> fleetPage, Map<String, Long> dashboard) {
	}

	record Memory(double heapUsedMiB, double heapMaxMiB, double rssMiB) {
	}

}
