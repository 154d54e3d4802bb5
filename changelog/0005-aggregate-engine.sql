--liquibase formatted sql

--changeset wellgate:0005-aggregate-state
--comment: One row per continuous aggregate: its watermark (buckets below it are materialized,
--comment: except those with pending invalidations) and the outcome of its last refresh.
CREATE TABLE aggregate_state (
    name                  text             PRIMARY KEY,
    source                text             NOT NULL,
    fingerprint           text,
    watermark             timestamptz      NOT NULL DEFAULT '-infinity',
    raw_horizon           timestamptz      NOT NULL DEFAULT '-infinity',
    last_refresh_at       timestamptz,
    last_refresh_millis   double precision,
    last_refresh_outcome  text
);
--comment: What changed in the raw tables and is not yet in the aggregates: per aggregate, well
--comment: and statement, the time range the statement touched.
CREATE TABLE aggregate_invalidations (
    aggregate  text        NOT NULL,
    well_id    text        NOT NULL,
    lo         timestamptz NOT NULL,
    hi         timestamptz NOT NULL
);
CREATE INDEX aggregate_invalidations_well_idx ON aggregate_invalidations (aggregate, well_id, lo);
--rollback DROP TABLE aggregate_invalidations; DROP TABLE aggregate_state;

--changeset wellgate:0005-invalidation-triggers splitStatements:false
--comment: Statement-level triggers with transition tables: one log row per aggregate of the
--comment: table and per well touched by the statement, whatever the number of rows.
CREATE FUNCTION wellgate_log_invalidations() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
        SELECT a.name, c.well_id, c.lo, c.hi
        FROM (SELECT well_id, min(time) AS lo, max(time) AS hi FROM new_rows GROUP BY well_id) c
        CROSS JOIN aggregate_state a
        WHERE a.source = TG_TABLE_NAME;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
        SELECT a.name, c.well_id, c.lo, c.hi
        FROM (SELECT well_id, min(time) AS lo, max(time) AS hi
              FROM (SELECT well_id, time FROM new_rows UNION ALL SELECT well_id, time FROM old_rows) changed
              GROUP BY well_id) c
        CROSS JOIN aggregate_state a
        WHERE a.source = TG_TABLE_NAME;
    ELSE
        INSERT INTO aggregate_invalidations (aggregate, well_id, lo, hi)
        SELECT a.name, c.well_id, c.lo, c.hi
        FROM (SELECT well_id, min(time) AS lo, max(time) AS hi FROM old_rows GROUP BY well_id) c
        CROSS JOIN aggregate_state a
        WHERE a.source = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER esp_telemetry_invalidate_insert AFTER INSERT ON esp_telemetry
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_log_invalidations();
CREATE TRIGGER esp_telemetry_invalidate_update AFTER UPDATE ON esp_telemetry
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_log_invalidations();
CREATE TRIGGER esp_telemetry_invalidate_delete AFTER DELETE ON esp_telemetry
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_log_invalidations();
CREATE TRIGGER diagnostic_results_invalidate_insert AFTER INSERT ON diagnostic_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_log_invalidations();
CREATE TRIGGER diagnostic_results_invalidate_update AFTER UPDATE ON diagnostic_results
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_log_invalidations();
CREATE TRIGGER diagnostic_results_invalidate_delete AFTER DELETE ON diagnostic_results
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION wellgate_log_invalidations();
--rollback DROP FUNCTION wellgate_log_invalidations() CASCADE;
