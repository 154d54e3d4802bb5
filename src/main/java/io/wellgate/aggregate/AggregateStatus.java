package io.wellgate.aggregate;

import java.time.OffsetDateTime;

/**
 * How fresh one aggregate is; the contract's {@code AggregateStatus}.
 *
 * @param name the aggregate
 * @param watermark buckets starting before it are materialized (null: nothing yet)
 * @param lagSeconds how far the newest raw row is past the watermark
 * @param pendingInvalidations logged changes to materialized buckets not yet refreshed; reads
 * are exact regardless, by aggregating those buckets on the fly
 * @param lastRefreshAt when the last refresh ended
 * @param lastRefreshMillis how long it took
 * @param lastRefreshOutcome what it did, or why it failed
 */
public record AggregateStatus(String name, OffsetDateTime watermark, Double lagSeconds, int pendingInvalidations,
		OffsetDateTime lastRefreshAt, Double lastRefreshMillis, String lastRefreshOutcome) {
}
