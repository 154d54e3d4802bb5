--liquibase formatted sql

--changeset wellgate:0012-invalidation-log-hash-index
--comment: The invalidation log takes one row per aggregate and well for every write: 3,000 rows
--comment: for a minute batch of 1,000 wells. Into the btree on (aggregate, well_id, lo) they cost
--comment: 15 ms of the batch's 25 ms COPY on Debian's PostgreSQL 15 (comparisons of two text keys
--comment: per level, and page splits in the middle of the index); into a hash index on well_id,
--comment: about 1 ms. Every read of the log names its wells (= ANY) or reads one aggregate's whole
--comment: log (refresh, the fleet reads), which a hash index or a scan serve as well: a one-well
--comment: read's pending buckets took 0.25 ms against 0.48 ms, the ranking of 1,000 wells the same.
DROP INDEX aggregate_invalidations_well_idx;
CREATE INDEX aggregate_invalidations_well_hash ON aggregate_invalidations USING hash (well_id);
--rollback DROP INDEX aggregate_invalidations_well_hash;
--rollback CREATE INDEX aggregate_invalidations_well_idx ON aggregate_invalidations (aggregate, well_id, lo);

--changeset wellgate:0012-registry-spans-not-notified splitStatements:false
--comment: Every write widens the span of its wells (first_sample_at, last_sample_at), and the
--comment: registry's trigger announced each such row as a change of the registry: 1,000 more
--comment: lines (5 ms) after every minute batch of 1,000 wells, for wells whose samples the same
--comment: transaction has already announced with their times. A change of the span alone is no
--comment: longer announced; any change of another column (or of the id, a new or removed row) is.
--comment: ChangeNotificationsTests checks every column the catalog lists, so a column added
--comment: later and left out here fails it.
CREATE OR REPLACE FUNCTION wellgate_notify_registry() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    ids text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT id) INTO ids FROM old_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT coalesce(n.id, o.id)) INTO ids
        FROM new_rows n
        FULL JOIN old_rows o ON o.id = n.id
        WHERE n.id IS NULL OR o.id IS NULL
           OR (n.name, n.field, n.pump_model, n.created_at, n.installed_at)
              IS DISTINCT FROM (o.name, o.field, o.pump_model, o.created_at, o.installed_at);
    ELSE
        SELECT array_agg(DISTINCT id) INTO ids FROM new_rows;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM wellgate_notify_changes('wells', ids, array_fill(NULL::timestamptz, ARRAY[array_length(ids, 1)]),
            array_fill(NULL::timestamptz, ARRAY[array_length(ids, 1)]));
    END IF;
    RETURN NULL;
END;
$$;
