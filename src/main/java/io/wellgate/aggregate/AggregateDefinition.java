package io.wellgate.aggregate;

import java.time.Duration;
import java.util.List;

/**
 * A continuous aggregate, written once: its name (also its table's), the raw table it reads,
 * its bucket width, and what a bucket holds. Its refresh and its real-time reads derive from this
 * one definition; its table is a migration, kept in step with it by {@code AggregateSchemaTests}.
 *
 * @param aggregate the aggregate, whose name is also its table's
 * @param source the raw, time-partitioned table it aggregates
 * @param width the bucket width, aligned to UTC
 * @param parts what a bucket stores, per well and bucket
 * @param materializesOpenBucket whether a refresh also materializes the bucket still open (the
 * current hour or day), so that a read right after a refresh needs no raw rows; when not, that
 * bucket is aggregated from raw rows on every read until it ends
 * @param keepsWellSpans whether its refresh moves the span of the samples it consumes from the
 * log into the well registry ({@code wells.first_sample_at}, {@code last_sample_at}): one
 * aggregate of {@code esp_telemetry} does, and until it has, reads take the span from the log
 * (the view {@code wells_with_spans})
 */
public record AggregateDefinition(AggregateName aggregate, String source, Duration width, List<Part> parts,
		boolean materializesOpenBucket, boolean keepsWellSpans) {

	public AggregateDefinition {
		parts = List.copyOf(parts);
	}

	/** The aggregate's name, also its table's. */
	public String name() {
		return this.aggregate.id();
	}

	/** The width as a PostgreSQL interval literal. */
	String interval() {
		return "interval '" + this.width.toSeconds() + " seconds'";
	}

	/** The bucket of {@code time}: UTC-aligned, since every width divides a day. */
	String bucketOf(String time) {
		return "date_bin(" + interval() + ", " + time + ", timestamptz '2000-01-01 00:00:00+00')";
	}

	/** A fingerprint of what a bucket holds; a change means the stored buckets are stale. */
	String fingerprint() {
		return Integer.toHexString((this.source + this.width + this.parts).hashCode());
	}

}
