--liquibase formatted sql

--changeset wellgate:0014-well-spans-from-the-log
--comment: A well's span (first_sample_at, last_sample_at) was widened by every write, in its own
--comment: transaction: an upsert of 1,000 registry rows after every minute batch of 1,000 wells,
--comment: 12-15 ms of the batch on Debian's PostgreSQL 15. Every write of samples already logs each
--comment: well's span of them, in aggregate_invalidations, one row per aggregate of esp_telemetry.
--comment: So writes now only register wells not known yet, the refresh of telemetry_hourly moves the
--comment: spans of the log rows it consumes into wells, in the same statement, and reads take a
--comment: well's span from this view: the stored span widened by the log rows still pending for
--comment: any aggregate of esp_telemetry. Every such row spans samples that were written (a
--comment: delete's rows were written before it), and every write's samples are in the log or in
--comment: wells, so the view's span is the one the write path used to store (and now covers samples
--comment: written by other means than the API too, which the trigger logs as well). least and greatest
--comment: skip nulls: a well with no log rows has its stored span. A join, not a lateral probe per
--comment: well: a read of one well still probes the log's index for it (the planner pushes the id
--comment: into the grouping), one of 1,000 wells groups the log once (5 ms on Debian's PostgreSQL
--comment: 15 with the log of a minute batch, where 1,000 probes took 21 ms: each probe of the hash
--comment: index also visits the dead entries of the rows earlier refreshes consumed).
CREATE VIEW wells_with_spans AS
SELECT w.id, w.name, w.field, w.pump_model, w.created_at, w.installed_at,
       least(w.first_sample_at, p.lo) AS first_sample_at,
       greatest(w.last_sample_at, p.hi) AS last_sample_at
FROM wells w
LEFT JOIN (
    SELECT l.well_id, min(l.lo) AS lo, max(l.hi) AS hi
    FROM aggregate_invalidations l
    WHERE l.aggregate IN (SELECT s.name FROM aggregate_state s WHERE s.source = 'esp_telemetry')
    GROUP BY l.well_id
) p ON p.well_id = w.id;
--rollback DROP VIEW wells_with_spans;
