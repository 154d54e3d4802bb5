--liquibase formatted sql

--changeset wellgate:0003-diagnostics
--comment: Findings of the diagnosis engine, one row per well, instant and type, partitioned by day.
CREATE TABLE diagnostic_results (
    well_id     text             NOT NULL,
    time        timestamptz      NOT NULL,
    type        text             NOT NULL,
    severity    text             NOT NULL,
    confidence  double precision NOT NULL,
    PRIMARY KEY (well_id, time, type)
) PARTITION BY RANGE (time);
CREATE INDEX diagnostic_results_time_idx ON diagnostic_results (time);
--rollback DROP TABLE diagnostic_results;
