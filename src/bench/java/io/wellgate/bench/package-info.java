/**
 * The benchmark of issue 5 ({@code ./mvnw -Pbench verify}): loads a deterministic fleet into a
 * service started in-process and measures, side by side, the same reads from raw rows and from the
 * continuous aggregates, through JDBC, on the server alone, end to end over HTTP, under concurrent
 * load, plus ingestion, refresh cost, SQL statements per request and memory. Compiled and run only in the {@code bench} profile.
 * <p>
 * {@link io.wellgate.bench.Benchmark} is the entry point and reads like the list of figures it
 * produces; each figure's measuring lives in a small class of its own.
 */
package io.wellgate.bench;
