--liquibase formatted sql

--changeset wellgate:0004-partition-management splitStatements:false
--comment: Creates the missing daily partitions of a time-partitioned table for the given days. Called
--comment: ahead of time by a schedule and, for back-filled history, by ingestion before it merges.
CREATE FUNCTION wellgate_ensure_daily_partitions(parent text, days date[])
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    day      date;
    name     text;
    created  integer := 0;
BEGIN
    IF parent NOT IN ('esp_telemetry', 'diagnostic_results') THEN
        RAISE EXCEPTION 'not a partitioned wellgate table: %', parent;
    END IF;
    -- Two sessions creating the same partition would race on the catalog; take turns.
    PERFORM pg_advisory_xact_lock(hashtext('wellgate.partitions.' || parent));
    FOREACH day IN ARRAY days LOOP
        name := parent || '_p' || to_char(day, 'YYYYMMDD');
        IF to_regclass(name) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                name, parent,
                (day::timestamp AT TIME ZONE 'UTC'),
                ((day + 1)::timestamp AT TIME ZONE 'UTC'));
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;
--rollback DROP FUNCTION wellgate_ensure_daily_partitions(text, date[]);
