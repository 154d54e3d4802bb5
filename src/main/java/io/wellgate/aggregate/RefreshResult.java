package io.wellgate.aggregate;

import java.time.OffsetDateTime;

/**
 * What one refresh did.
 *
 * @param aggregate the aggregate refreshed
 * @param ran false when another refresh of it was already running (on this or another instance)
 * @param bucketsDeleted materialized buckets replaced by a recomputed one or removed (emptied)
 * @param bucketsWritten materialized buckets written
 * @param watermark the watermark after the refresh
 * @param millis how long it took
 */
public record RefreshResult(String aggregate, boolean ran, int bucketsDeleted, int bucketsWritten,
		OffsetDateTime watermark, double millis) {

	String outcome() {
		if (!this.ran) {
			return "skipped: a refresh was already running";
		}
		return "ok: " + this.bucketsWritten + " buckets written, " + this.bucketsDeleted + " replaced or removed";
	}

}
