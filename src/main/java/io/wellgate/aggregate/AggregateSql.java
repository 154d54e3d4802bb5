package io.wellgate.aggregate;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SQL of one aggregate, derived from its definition: how a refresh recomputes buckets and
 * how a read combines materialized buckets with raw rows that are not in them yet. These are
 * the engine's rules, written once for all four aggregates.
 */
final class AggregateSql {

	/**
	 * The refresh's part that moves the consumed spans into the registry (see migration 0014):
	 * only wells whose span widens are locked and rewritten.
	 */
	private static final String WELL_SPANS = """
			spans AS (
			    SELECT well_id, min(lo) AS lo, max(hi) AS hi
			    FROM consumed
			    GROUP BY well_id
			),
			widening AS (
			    SELECT w.id, s.lo, s.hi
			    FROM wells w
			    JOIN spans s ON s.well_id = w.id
			    WHERE w.first_sample_at IS DISTINCT FROM least(w.first_sample_at, s.lo)
			       OR w.last_sample_at IS DISTINCT FROM greatest(w.last_sample_at, s.hi)
			    ORDER BY w.id
			    FOR UPDATE OF w
			),
			widened AS (
			    UPDATE wells w
			    SET first_sample_at = least(w.first_sample_at, g.lo),
			        last_sample_at = greatest(w.last_sample_at, g.hi)
			    FROM widening g
			    WHERE w.id = g.id
			),
			""";

	private final AggregateDefinition definition;

	private final String refresh;

	AggregateSql(AggregateDefinition definition) {
		this.definition = definition;
		this.refresh = buildRefresh();
	}

	/**
	 * One incremental refresh, as one statement, so one snapshot and one round trip:
	 * <ol>
	 * <li>consumes the aggregate's invalidation log; what logged changes touched at or above the
	 * new watermark {@code :watermark} is logged again, as one row per well (the span of them all),
	 * so that rows kept refresh after refresh do not pile up;</li>
	 * <li>takes every (well, bucket) below the watermark that a consumed change touched, plus every
	 * bucket of raw data in {@code [:rangeFrom, :rangeTo)} (a first build, or a manual range
	 * refresh; an empty range otherwise);</li>
	 * <li>leaves out materialized buckets before {@code :horizon}, whose raw rows retention dropped:
	 * a change there (late data into a dropped day) must not replace a complete bucket with a
	 * partial one;</li>
	 * <li>recomputes each bucket from raw rows, a lateral index range scan of one well in the
	 * bucket's partition whatever the table's size, and upserts it, or removes it when it has no
	 * rows left (deleted data).</li>
	 * <li>for the aggregate that {@linkplain AggregateDefinition#keepsWellSpans keeps the wells'
	 * spans}, widens the span of every consumed well in {@code wells} by its consumed rows' span,
	 * locking the wells in id order, as every write of several registry rows does, so that the
	 * two never deadlock.</li>
	 * </ol>
	 * Answers how many buckets were written and how many of them replaced one, plus the removed.
	 * A write that commits after the statement's snapshot logs rows this refresh does not see and
	 * so does not consume: the next refresh takes them.
	 */
	String refresh() {
		return this.refresh;
	}

	private String buildRefresh() {
		return SqlTemplate.of("""
				WITH consumed AS (
				    DELETE FROM aggregate_invalidations
				    WHERE aggregate = :name
				    RETURNING well_id, lo, hi
				),
				kept AS (
				    INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
				    SELECT :name, well_id, greatest(min(lo), :watermark), max(hi)
				    FROM consumed
				    WHERE hi >= :watermark
				    GROUP BY well_id
				),
				{{wellSpans}}changed AS (
				    SELECT c.well_id, b.bucket
				    FROM consumed c
				    CROSS JOIN LATERAL generate_series({{firstChangedBucket}},
				        least(c.hi, :watermark - interval '1 microsecond'),
				        {{width}}) AS b(bucket)
				    WHERE c.lo < :watermark
				    UNION
				    SELECT r.well_id, {{rawBucket}}
				    FROM {{source}} r
				    WHERE r.time >= :rangeFrom
				      AND r.time < :rangeTo
				),
				buckets AS (
				    SELECT b.well_id, b.bucket
				    FROM changed b
				    WHERE b.bucket >= :horizon
				       OR NOT EXISTS (SELECT 1 FROM {{table}} m WHERE m.well_id = b.well_id AND m.bucket = b.bucket)
				),
				computed AS (
				    SELECT b.well_id, b.bucket, a.*
				    FROM buckets b
				    {{bucketAggregation}}
				),
				written AS (
				    INSERT INTO {{table}} (well_id, bucket,
				        {{columns}})
				    SELECT well_id, bucket,
				           {{columns}}
				    FROM computed
				    WHERE bucket_rows > 0
				    ON CONFLICT (well_id, bucket) DO UPDATE
				    SET {{updates}}
				    RETURNING xmax::text <> '0' AS replaced
				),
				removed AS (
				    DELETE FROM {{table}} m
				    USING computed c
				    WHERE c.bucket_rows = 0
				      AND m.well_id = c.well_id
				      AND m.bucket = c.bucket
				    RETURNING 1
				)
				SELECT (SELECT count(*) FROM written) AS written,
				       (SELECT count(*) FILTER (WHERE replaced) FROM written) + (SELECT count(*) FROM removed) AS replaced
				""")
			.with("wellSpans", this.definition.keepsWellSpans() ? WELL_SPANS : "")
			.with("table", this.definition.name())
			.with("source", this.definition.source())
			.with("width", this.definition.interval())
			.with("firstChangedBucket", this.definition.bucketOf("c.lo"))
			.with("rawBucket", this.definition.bucketOf("r.time"))
			.with("bucketAggregation", aggregateOf("b", ""))
			.with("columns", eachPart(Part::column))
			.with("updates", eachPart(part -> part.column() + " = EXCLUDED." + part.column()))
			.sql();
	}

	/**
	 * Every bucket with a start in {@code [:from, :to)} (both aligned), for the wells in
	 * {@code :wells} or for all wells, exactly as a {@code GROUP BY} over the raw rows would give it
	 * now: materialized buckets where nothing is pending, and aggregation on the fly over pending
	 * buckets and over the tail past the watermark. One statement, so one snapshot.
	 * <p>
	 * The statement runs as a cached generic plan, and such a plan sets up a scan of every raw
	 * partition that parameters cannot rule out before it runs, whether it reads it or not. So
	 * every raw read is also bounded by parameters: the pending buckets by the window, and the
	 * tail by {@code :tail}, a bound at or below the watermark that the engine knows (see
	 * {@link AggregateEngine#tailFrom}). The watermark itself is a scalar subquery, read in the
	 * statement's snapshot.
	 */
	String exactBuckets(boolean allWells) {
		return exact(allWells, false);
	}

	/**
	 * The same rows as {@link #exactBuckets}, except that the materialized buckets come summed
	 * into one row per well (its bucket null): what a total over the window needs, from far fewer
	 * rows. Summing the answer's parts per well gives the window's totals. Only for aggregates whose
	 * parts are all counts and sums.
	 */
	String exactTotals(boolean allWells) {
		List<Part> parts = this.definition.parts();
		if (!parts.stream().allMatch(Part::additive)) {
			throw new IllegalStateException(this.definition.name() + " has parts that are not sums");
		}
		return exact(allWells, true);
	}

	private String exact(boolean allWells, boolean totals) {
		String watermark = "(SELECT watermark FROM aggregate_state WHERE name = '" + this.definition.name() + "')";
		String materializedWindow = SqlTemplate.of("""
				m.bucket >= :from
				  AND m.bucket < least(CAST(:to AS timestamptz), {{watermark}})""").with("watermark", watermark).sql();
		String rawWindow = SqlTemplate.of("""
				r.time >= greatest(CAST(:from AS timestamptz), {{watermark}})
				  AND r.time >= :tail
				  AND r.time < :to""").with("watermark", watermark).sql();
		return SqlTemplate.of("""
				WITH pending AS (
				    SELECT DISTINCT l.well_id, b.bucket
				    FROM aggregate_invalidations l
				    CROSS JOIN LATERAL generate_series({{firstPendingBucket}},
				        least(l.hi, CAST(:to AS timestamptz) - interval '1 microsecond', {{watermark}} - interval '1 microsecond'),
				        {{width}}) AS b(bucket)
				    WHERE l.aggregate = '{{name}}'
				      AND l.hi >= :from
				      AND l.lo < least(CAST(:to AS timestamptz), {{watermark}})
				      {{pendingOfWells}}
				)
				SELECT m.well_id, {{materializedBucket}},
				       {{materializedParts}}
				{{materializedFrom}}
				WHERE {{materializedWindow}}
				  AND NOT EXISTS (SELECT 1 FROM pending p WHERE p.well_id = m.well_id AND p.bucket = m.bucket)
				{{materializedGrouping}}
				UNION ALL
				SELECT r.well_id, {{rawBucket}} AS bucket,
				       {{rawParts}}
				{{rawFrom}}
				WHERE {{rawWindow}}
				GROUP BY r.well_id, 2
				UNION ALL
				SELECT p.well_id, p.bucket,
				       {{pendingParts}}
				FROM pending p
				{{pendingAggregation}}
				WHERE a.bucket_rows > 0""")
			.with("name", this.definition.name())
			.with("watermark", watermark)
			.with("width", this.definition.interval())
			.with("firstPendingBucket", this.definition.bucketOf("greatest(l.lo, CAST(:from AS timestamptz))"))
			.with("pendingOfWells", allWells ? "" : "AND l.well_id = ANY(:wells)")
			.with("materializedBucket", totals ? "NULL::timestamptz AS bucket" : "m.bucket")
			.with("materializedParts", totals ? summed("m.") : prefixed("m."))
			.with("materializedFrom", from(allWells, this.definition.name(), "m", "well_id", materializedWindow))
			.with("materializedWindow", materializedWindow)
			.with("materializedGrouping", totals ? "GROUP BY m.well_id" : "")
			.with("rawBucket", this.definition.bucketOf("r.time"))
			.with("rawParts", expressions())
			.with("rawFrom", from(allWells, this.definition.source(), "r", "well_id", rawWindow))
			.with("rawWindow", rawWindow)
			.with("pendingParts", prefixed("a."))
			.with("pendingAggregation", aggregateOf("p", "AND r.time >= :from\nAND r.time < :to"))
			.sql();
	}

	/**
	 * The {@code FROM} of {@code table} as {@code alias} in a window: the whole table for every
	 * well, or each well of {@code :wells} read on its own through the table's
	 * {@code (well_id, time)} key. A generic plan cannot see the window's size nor the number of
	 * wells, and estimates a parameter range at a fraction of a percent of the table: over
	 * {@code well_id = ANY(:wells)} it scans the time index for every well's rows in the window
	 * (the whole fleet's day for one well's). Read per well ({@code OFFSET 0} keeps the subquery a
	 * loop), the only index that fits is the key.
	 */
	private static String from(boolean allWells, String table, String alias, String key, String window) {
		if (allWells) {
			return "FROM " + table + " " + alias;
		}
		return SqlTemplate.of("""
				FROM unnest(CAST(:wells AS text[])) AS w(well_id)
				CROSS JOIN LATERAL (
				    SELECT *
				    FROM {{table}} {{alias}}
				    WHERE {{alias}}.{{key}} = w.well_id
				      AND {{window}}
				    OFFSET 0
				) {{alias}}""")
			.with("table", table)
			.with("alias", alias)
			.with("key", key)
			// The window's conditions under this one, not indented as in a WHERE of their own.
			.with("window", window.replace("\n  AND ", "\nAND "))
			.sql();
	}

	/**
	 * The lateral aggregation of one bucket of {@code alias}, named {@code a}, with its count of
	 * raw rows as {@code bucket_rows}; {@code bounds} may narrow the raw rows further by parameters.
	 */
	private String aggregateOf(String alias, String bounds) {
		return SqlTemplate.of("""
				CROSS JOIN LATERAL (
				    SELECT count(*) AS bucket_rows,
				           {{parts}}
				    FROM {{source}} r
				    WHERE r.well_id = {{alias}}.well_id
				      AND r.time >= {{alias}}.bucket
				      AND r.time < {{alias}}.bucket + {{width}}
				      {{bounds}}
				) a""")
			.with("parts", expressions())
			.with("source", this.definition.source())
			.with("alias", alias)
			.with("width", this.definition.interval())
			.with("bounds", bounds)
			.sql();
	}

	/** Each part's aggregate over the raw rows {@code r}, under the part's name. */
	private String expressions() {
		return eachPart(part -> part.expression() + " AS " + part.column());
	}

	/** Each part summed over {@code alias}'s rows, as its own type, under its own name. */
	private String summed(String alias) {
		return eachPart(part -> "CAST(sum(" + alias + part.column() + ") AS " + part.type() + ") AS " + part.column());
	}

	private String prefixed(String alias) {
		return eachPart(part -> alias + part.column());
	}

	private String eachPart(Function<Part, String> sql) {
		return this.definition.parts().stream().map(sql).collect(Collectors.joining(",\n"));
	}

}
