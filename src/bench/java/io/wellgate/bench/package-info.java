/**
 * The benchmark of issues 5 and 11 ({@code ./mvnw -Pbench verify}): starts the service in-process
 * on the chosen PostgreSQL ({@code -Dbench.server=embedded|url|system}), loads a deterministic fleet
 * as the field sends it (minute batches of the whole fleet in time order, an hour per request) or
 * per well ({@code -Dbench.load=backfill}), and measures, side by side, the same reads from raw rows
 * and from the continuous aggregates, through JDBC, on the server alone, end to end over HTTP right
 * after a refresh and in the field's steady state (minute batches arriving, scheduled refreshes
 * running), under concurrent load, plus ingestion (field-shaped, backfill, both COPY controls), one
 * minute of the fleet in one request, 1-sample writes, a soak, the cost of a bearer token, refresh
 * cost, SQL statements per request and memory. Run only in the {@code bench} profile.
 * <p>
 * {@link io.wellgate.bench.Benchmark} is the entry point and reads like the list of figures it
 * produces; each figure's measuring lives in a small class of its own.
 */
package io.wellgate.bench;
