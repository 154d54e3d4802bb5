--liquibase formatted sql

--changeset wellgate:0002-telemetry
--comment: Raw ESP telemetry, one row per well and instant, range-partitioned by day on time.
CREATE TABLE esp_telemetry (
    well_id             text             NOT NULL,
    time                timestamptz      NOT NULL,
    flow_rate           double precision,
    intake_pressure     double precision,
    discharge_pressure  double precision,
    motor_current       double precision,
    motor_voltage       double precision,
    motor_temperature   double precision,
    intake_temperature  double precision,
    vibration           double precision,
    frequency           double precision,
    power_kw            double precision,
    PRIMARY KEY (well_id, time)
) PARTITION BY RANGE (time);
-- The primary key serves "one well, a time range"; this one serves "all wells, a time range".
CREATE INDEX esp_telemetry_time_idx ON esp_telemetry (time);
--rollback DROP TABLE esp_telemetry;
