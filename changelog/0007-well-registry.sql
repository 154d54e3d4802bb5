--liquibase formatted sql

--changeset wellgate:0007-well-registry
--comment: The well registry's metadata (install date) and the span of each well's samples, kept by the write path.
ALTER TABLE wells
    ADD COLUMN installed_at     date,
    ADD COLUMN first_sample_at  timestamptz,
    ADD COLUMN last_sample_at   timestamptz;
-- Existing databases: each well's span from its samples, one primary-key probe at each end per well.
UPDATE wells w
SET first_sample_at = (SELECT min(t.time) FROM esp_telemetry t WHERE t.well_id = w.id),
    last_sample_at = (SELECT max(t.time) FROM esp_telemetry t WHERE t.well_id = w.id);
-- Serves the field filters and the wells of a field in id order; fields are listed from it too.
CREATE INDEX wells_field_idx ON wells (field, id);
--rollback DROP INDEX wells_field_idx;
--rollback ALTER TABLE wells DROP COLUMN installed_at, DROP COLUMN first_sample_at, DROP COLUMN last_sample_at;
