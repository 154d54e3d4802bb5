--liquibase formatted sql

--changeset wellgate:0010-change-feed-notify splitStatements:false
--comment: The change feed: what a statement changed, sent with pg_notify on channel wellgate_changes,
--comment: which PostgreSQL delivers to listeners only at commit (and not at all on rollback).
--comment: One notification per statement (split only where the 8000-byte payload limit needs it):
--comment: a first line 'source|statement time in epoch microseconds', then one line per well,
--comment: 'well|first changed time|last changed time' (epoch microseconds; 'well||' when the
--comment: change is not in time, such as the registry). Well ids cannot hold '|' or a newline.
CREATE FUNCTION wellgate_notify_changes(source text, well_ids text[], los timestamptz[], his timestamptz[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    head    text := source || '|' || (extract(epoch FROM clock_timestamp()) * 1000000)::bigint;
    payload text := head;
    line    text;
BEGIN
    FOR i IN 1 .. coalesce(array_length(well_ids, 1), 0) LOOP
        line := well_ids[i] || '|' || coalesce(((extract(epoch FROM los[i]) * 1000000)::bigint)::text, '')
            || '|' || coalesce(((extract(epoch FROM his[i]) * 1000000)::bigint)::text, '');
        IF length(payload) + length(line) + 1 > 7900 THEN
            PERFORM pg_notify('wellgate_changes', payload);
            payload := head;
        END IF;
        payload := payload || E'\n' || line;
    END LOOP;
    IF payload <> head THEN
        PERFORM pg_notify('wellgate_changes', payload);
    END IF;
END;
$$;

--comment: The engine's statement triggers group the statement's rows by well once: that one
--comment: grouping now both logs the invalidations and feeds the notification.
CREATE OR REPLACE FUNCTION wellgate_log_invalidations() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    ids text[];
    los timestamptz[];
    his timestamptz[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        WITH c AS (SELECT well_id, min(time) AS lo, max(time) AS hi FROM new_rows GROUP BY well_id),
        logged AS (
            INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
            SELECT a.name, c.well_id, c.lo, c.hi
            FROM c
            CROSS JOIN aggregate_state a
            WHERE a.source = TG_TABLE_NAME)
        SELECT array_agg(well_id), array_agg(lo), array_agg(hi) INTO ids, los, his FROM c;
    ELSIF TG_OP = 'UPDATE' THEN
        WITH c AS (
            SELECT well_id, min(time) AS lo, max(time) AS hi
            FROM (SELECT well_id, time FROM new_rows UNION ALL SELECT well_id, time FROM old_rows) changed
            GROUP BY well_id),
        logged AS (
            INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
            SELECT a.name, c.well_id, c.lo, c.hi
            FROM c
            CROSS JOIN aggregate_state a
            WHERE a.source = TG_TABLE_NAME)
        SELECT array_agg(well_id), array_agg(lo), array_agg(hi) INTO ids, los, his FROM c;
    ELSE
        WITH c AS (SELECT well_id, min(time) AS lo, max(time) AS hi FROM old_rows GROUP BY well_id),
        logged AS (
            INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
            SELECT a.name, c.well_id, c.lo, c.hi
            FROM c
            CROSS JOIN aggregate_state a
            WHERE a.source = TG_TABLE_NAME)
        SELECT array_agg(well_id), array_agg(lo), array_agg(hi) INTO ids, los, his FROM c;
    END IF;
    PERFORM wellgate_notify_changes(TG_TABLE_NAME, ids, los, his);
    RETURN NULL;
END;
$$;
--rollback DROP FUNCTION wellgate_notify_changes(text, text[], timestamptz[], timestamptz[]);

--changeset wellgate:0010-change-feed-registry splitStatements:false
--comment: A change to the registry (a name, an oil field) changes what reads of that well answer.
CREATE FUNCTION wellgate_notify_registry() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    ids text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT id) INTO ids FROM old_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT id) INTO ids FROM (SELECT id FROM new_rows UNION SELECT id FROM old_rows) changed;
    ELSE
        SELECT array_agg(DISTINCT id) INTO ids FROM new_rows;
    END IF;
    PERFORM wellgate_notify_changes('wells', ids, array_fill(NULL::timestamptz, ARRAY[coalesce(array_length(ids, 1), 0)]),
        array_fill(NULL::timestamptz, ARRAY[coalesce(array_length(ids, 1), 0)]));
    RETURN NULL;
END;
$$;

CREATE TRIGGER wells_notify_insert AFTER INSERT ON wells
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_notify_registry();
CREATE TRIGGER wells_notify_update AFTER UPDATE ON wells
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_notify_registry();
CREATE TRIGGER wells_notify_delete AFTER DELETE ON wells
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_notify_registry();
--rollback DROP FUNCTION wellgate_notify_registry() CASCADE;
