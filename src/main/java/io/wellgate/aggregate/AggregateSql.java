package io.wellgate.aggregate;

/**
 * The SQL of one aggregate, derived from its definition: how a refresh recomputes buckets and
 * how a read combines materialized buckets with raw rows that are not in them yet. These are
 * the engine's rules, written once for all four aggregates.
 */
final class AggregateSql {

	private final AggregateDefinition definition;

	AggregateSql(AggregateDefinition definition) {
		this.definition = definition;
	}

	/**
	 * Consumes the aggregate's invalidation log into {@code refresh_buckets}: every (well, bucket)
	 * below the new watermark {@code :watermark} that a logged change touched. What a logged change
	 * touched above the new watermark is logged again, for a later refresh.
	 */
	String consumeInvalidations() {
		return """
				WITH consumed AS (
				    DELETE FROM aggregate_invalidations
				    WHERE aggregate = :name
				    RETURNING well_id, lo, hi
				),
				kept AS (
				    INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
				    SELECT :name, well_id, greatest(lo, :watermark), hi
				    FROM consumed
				    WHERE hi >= :watermark
				)
				INSERT INTO refresh_buckets (well_id, bucket)
				SELECT DISTINCT c.well_id, b.bucket
				FROM consumed c
				CROSS JOIN LATERAL generate_series(%1$s, least(c.hi, :watermark - interval '1 microsecond'), %2$s) AS b(bucket)
				WHERE c.lo < :watermark
				""".formatted(this.definition.bucketOf("c.lo"), this.definition.interval());
	}

	/** Adds every bucket of raw data in {@code [:from, :to)}: a first build, or a manual range refresh. */
	String addRawBuckets() {
		return """
				INSERT INTO refresh_buckets (well_id, bucket)
				SELECT DISTINCT r.well_id, %1$s
				FROM %2$s r
				WHERE r.time >= :from
				  AND r.time < :to
				""".formatted(this.definition.bucketOf("r.time"), this.definition.source());
	}

	/**
	 * Keeps materialized buckets whose raw rows were dropped by retention: a change there (late
	 * data into a dropped day) must not replace a complete bucket with a partial one.
	 */
	String protectRetainedBuckets() {
		return """
				DELETE FROM refresh_buckets b
				WHERE b.bucket < :horizon
				  AND EXISTS (SELECT 1 FROM %1$s m WHERE m.well_id = b.well_id AND m.bucket = b.bucket)
				""".formatted(this.definition.name());
	}

	String deleteBuckets() {
		return """
				DELETE FROM %1$s m
				USING (SELECT DISTINCT well_id, bucket FROM refresh_buckets) b
				WHERE m.well_id = b.well_id
				  AND m.bucket = b.bucket
				""".formatted(this.definition.name());
	}

	String insertBuckets() {
		return """
				INSERT INTO %1$s (well_id, bucket, %2$s)
				SELECT r.well_id, b.bucket,
				       %3$s
				FROM (SELECT DISTINCT well_id, bucket FROM refresh_buckets) b
				JOIN %4$s r ON r.well_id = b.well_id AND r.time >= b.bucket AND r.time < b.bucket + %5$s
				GROUP BY r.well_id, b.bucket
				""".formatted(this.definition.name(), this.definition.columns(), this.definition.expressions(),
				this.definition.source(), this.definition.interval());
	}

	/**
	 * Every bucket with a start in {@code [:from, :to)} (both aligned), for the wells in
	 * {@code :wells} or for all wells, exactly as a {@code GROUP BY} over the raw rows would give it
	 * now: materialized buckets where nothing is pending, and aggregation on the fly over pending
	 * buckets and over the tail past the watermark. One statement, so one snapshot.
	 */
	String exactBuckets(boolean allWells) {
		String wellsOf = allWells ? "" : "AND %s = ANY(:wells)";
		return """
				WITH state AS (
				    SELECT watermark FROM aggregate_state WHERE name = '%1$s'
				),
				pending AS (
				    SELECT DISTINCT l.well_id, b.bucket
				    FROM aggregate_invalidations l
				    CROSS JOIN state s
				    CROSS JOIN LATERAL generate_series(%2$s,
				        least(l.hi, CAST(:to AS timestamptz) - interval '1 microsecond', s.watermark - interval '1 microsecond'),
				        %3$s) AS b(bucket)
				    WHERE l.aggregate = '%1$s'
				      AND l.hi >= :from
				      AND l.lo < least(CAST(:to AS timestamptz), s.watermark)
				      %6$s
				)
				SELECT m.well_id, m.bucket, %4$s
				FROM %1$s m
				CROSS JOIN state s
				WHERE m.bucket >= :from
				  AND m.bucket < least(CAST(:to AS timestamptz), s.watermark)
				  %7$s
				  AND NOT EXISTS (SELECT 1 FROM pending p WHERE p.well_id = m.well_id AND p.bucket = m.bucket)
				UNION ALL
				SELECT r.well_id, %8$s AS bucket,
				       %5$s
				FROM %9$s r
				CROSS JOIN state s
				WHERE r.time >= greatest(CAST(:from AS timestamptz), s.watermark)
				  AND r.time < :to
				  %10$s
				GROUP BY r.well_id, 2
				UNION ALL
				SELECT r.well_id, p.bucket,
				       %5$s
				FROM pending p
				JOIN %9$s r ON r.well_id = p.well_id AND r.time >= p.bucket AND r.time < p.bucket + %3$s
				GROUP BY r.well_id, p.bucket
				""".formatted(this.definition.name(), this.definition.bucketOf("greatest(l.lo, CAST(:from AS timestamptz))"),
				this.definition.interval(), prefixed("m."), this.definition.expressions(),
				wellsOf.formatted("l.well_id"), wellsOf.formatted("m.well_id"), this.definition.bucketOf("r.time"),
				this.definition.source(), wellsOf.formatted("r.well_id"));
	}

	private String prefixed(String alias) {
		return this.definition.parts()
			.stream()
			.map(part -> alias + part.column())
			.reduce((a, b) -> a + ", " + b)
			.orElseThrow();
	}

}
