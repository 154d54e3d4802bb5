package io.wellgate.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured; written as JSON and rendered as the markdown table.
 * {@code settledSeconds}: how long the run waited, after loading, for autovacuum to finish before timing reads.
 */
record Report(String date, Machine machine, Fleet fleet, Ingestion ingestion, List<ReadResult> reads,
		DashboardLoad.Result dashboard, Throughput.Result throughput, List<RefreshProbe.Refresh> refresh,
		Statements statements, Memory memory, MinuteBatches.Result minuteBatch, Throughput.Result smallRequests,
		Steady steady, Soak soak, RemoteHttp.Auth auth, double settledSeconds, double minutes) {

	/**
	 * @param database which server, in words: "embedded", the distribution build's and how it is set, or the JDBC URL
	 * @param server {@code bench.server}: embedded, url or system
	 * @param jitAsShipped {@code SHOW jit} in a plain session of the server, as it ships
	 * @param jitInSessions {@code SHOW jit} in the service's pooled sessions
	 * @param jitAvailable {@code pg_jit_available()} in that plain session: whether the server, as shipped, JIT-compiles
	 */
	record Machine(int cores, double memoryGiB, String cpu, String java, String postgres, String database, String server,
			String jitAsShipped, String jitInSessions, boolean jitAvailable) {
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
	 * @param load how {@code http} was sent: field (an hour of minute batches of the fleet per request) or backfill
	 * @param backfill with the field load: the per-well backfill of {@code backfillWells} wells' whole history,
	 * re-sent into scratch wells (other ids) after every other figure; {@code null} with the backfill load
	 * @param backfillRatio backfill rate / copy rate
	 */
	record Ingestion(Ingest.Rate http, Ingest.Rate copy, Ingest.Rate indexedCopy, double httpPerSecond,
			double copyPerSecond, double ratio, double indexedCopyPerSecond, double indexedRatio,
			double firstRefreshMillis, double catchUpRefreshMillis, String load, Ingest.Rate backfill, int backfillWells,
			double backfillRatio) {

		Ingestion withBackfill(Ingest.Rate backfill, int wells) {
			return new Ingestion(this.http, this.copy, this.indexedCopy, this.httpPerSecond, this.copyPerSecond, this.ratio,
					this.indexedCopyPerSecond, this.indexedRatio, this.firstRefreshMillis, this.catchUpRefreshMillis,
					this.load, backfill, wells, backfill.perSecond() / this.copyPerSecond);
		}

	}

	/**
	 * The reads again, in the field's steady state: a minute batch of the fleet every second into the
	 * newest hour (its buckets pending) and all aggregates refreshed every 15 s, both from threads.
	 *
	 * @param http each read's HTTP end-to-end timing, in the order of {@link #reads}
	 * @param throughput the dashboard's queries from 16 clients
	 * @param writer the writer's batches and the scheduled refreshes meanwhile
	 */
	record Steady(List<Timing> http, Throughput.Result throughput, FieldWriter.Result writer) {
	}

	/**
	 * A minute batch of the fleet every 2 s (and the 15 s refreshes) while 16 clients read the
	 * dashboard's queries for {@code minutes}.
	 */
	record Soak(int minutes, Throughput.Result readers, FieldWriter.Result writer) {
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
