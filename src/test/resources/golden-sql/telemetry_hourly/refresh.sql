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
changed AS (
    SELECT c.well_id, b.bucket
    FROM consumed c
    CROSS JOIN LATERAL generate_series(date_bin(interval '3600 seconds', c.lo, timestamptz '2000-01-01 00:00:00+00'),
        least(c.hi, :watermark - interval '1 microsecond'),
        interval '3600 seconds') AS b(bucket)
    WHERE c.lo < :watermark
    UNION
    SELECT r.well_id, date_bin(interval '3600 seconds', r.time, timestamptz '2000-01-01 00:00:00+00')
    FROM esp_telemetry r
    WHERE r.time >= :rangeFrom
      AND r.time < :rangeTo
),
buckets AS (
    SELECT b.well_id, b.bucket
    FROM changed b
    WHERE b.bucket >= :horizon
       OR NOT EXISTS (SELECT 1 FROM telemetry_hourly m WHERE m.well_id = b.well_id AND m.bucket = b.bucket)
),
computed AS (
    SELECT b.well_id, b.bucket, a.*
    FROM buckets b
    CROSS JOIN LATERAL (
        SELECT count(*) AS bucket_rows,
               count(*) AS samples,
               count(r.flow_rate) AS flow_rate_n,
               sum(r.flow_rate) AS flow_rate_sum,
               min(r.flow_rate) AS flow_rate_min,
               max(r.flow_rate) AS flow_rate_max,
               count(r.intake_pressure) AS intake_pressure_n,
               sum(r.intake_pressure) AS intake_pressure_sum,
               min(r.intake_pressure) AS intake_pressure_min,
               max(r.intake_pressure) AS intake_pressure_max,
               count(r.discharge_pressure) AS discharge_pressure_n,
               sum(r.discharge_pressure) AS discharge_pressure_sum,
               min(r.discharge_pressure) AS discharge_pressure_min,
               max(r.discharge_pressure) AS discharge_pressure_max,
               count(r.motor_current) AS motor_current_n,
               sum(r.motor_current) AS motor_current_sum,
               min(r.motor_current) AS motor_current_min,
               max(r.motor_current) AS motor_current_max,
               count(r.motor_voltage) AS motor_voltage_n,
               sum(r.motor_voltage) AS motor_voltage_sum,
               min(r.motor_voltage) AS motor_voltage_min,
               max(r.motor_voltage) AS motor_voltage_max,
               count(r.motor_temperature) AS motor_temperature_n,
               sum(r.motor_temperature) AS motor_temperature_sum,
               min(r.motor_temperature) AS motor_temperature_min,
               max(r.motor_temperature) AS motor_temperature_max,
               count(r.intake_temperature) AS intake_temperature_n,
               sum(r.intake_temperature) AS intake_temperature_sum,
               min(r.intake_temperature) AS intake_temperature_min,
               max(r.intake_temperature) AS intake_temperature_max,
               count(r.vibration) AS vibration_n,
               sum(r.vibration) AS vibration_sum,
               min(r.vibration) AS vibration_min,
               max(r.vibration) AS vibration_max,
               count(r.frequency) AS frequency_n,
               sum(r.frequency) AS frequency_sum,
               min(r.frequency) AS frequency_min,
               max(r.frequency) AS frequency_max,
               count(r.power_kw) AS power_kw_n,
               sum(r.power_kw) AS power_kw_sum,
               min(r.power_kw) AS power_kw_min,
               max(r.power_kw) AS power_kw_max
        FROM esp_telemetry r
        WHERE r.well_id = b.well_id
          AND r.time >= b.bucket
          AND r.time < b.bucket + interval '3600 seconds'
    ) a
),
written AS (
    INSERT INTO telemetry_hourly (well_id, bucket,
        samples,
        flow_rate_n,
        flow_rate_sum,
        flow_rate_min,
        flow_rate_max,
        intake_pressure_n,
        intake_pressure_sum,
        intake_pressure_min,
        intake_pressure_max,
        discharge_pressure_n,
        discharge_pressure_sum,
        discharge_pressure_min,
        discharge_pressure_max,
        motor_current_n,
        motor_current_sum,
        motor_current_min,
        motor_current_max,
        motor_voltage_n,
        motor_voltage_sum,
        motor_voltage_min,
        motor_voltage_max,
        motor_temperature_n,
        motor_temperature_sum,
        motor_temperature_min,
        motor_temperature_max,
        intake_temperature_n,
        intake_temperature_sum,
        intake_temperature_min,
        intake_temperature_max,
        vibration_n,
        vibration_sum,
        vibration_min,
        vibration_max,
        frequency_n,
        frequency_sum,
        frequency_min,
        frequency_max,
        power_kw_n,
        power_kw_sum,
        power_kw_min,
        power_kw_max)
    SELECT well_id, bucket,
           samples,
           flow_rate_n,
           flow_rate_sum,
           flow_rate_min,
           flow_rate_max,
           intake_pressure_n,
           intake_pressure_sum,
           intake_pressure_min,
           intake_pressure_max,
           discharge_pressure_n,
           discharge_pressure_sum,
           discharge_pressure_min,
           discharge_pressure_max,
           motor_current_n,
           motor_current_sum,
           motor_current_min,
           motor_current_max,
           motor_voltage_n,
           motor_voltage_sum,
           motor_voltage_min,
           motor_voltage_max,
           motor_temperature_n,
           motor_temperature_sum,
           motor_temperature_min,
           motor_temperature_max,
           intake_temperature_n,
           intake_temperature_sum,
           intake_temperature_min,
           intake_temperature_max,
           vibration_n,
           vibration_sum,
           vibration_min,
           vibration_max,
           frequency_n,
           frequency_sum,
           frequency_min,
           frequency_max,
           power_kw_n,
           power_kw_sum,
           power_kw_min,
           power_kw_max
    FROM computed
    WHERE bucket_rows > 0
    ON CONFLICT (well_id, bucket) DO UPDATE
    SET samples = EXCLUDED.samples,
    flow_rate_n = EXCLUDED.flow_rate_n,
    flow_rate_sum = EXCLUDED.flow_rate_sum,
    flow_rate_min = EXCLUDED.flow_rate_min,
    flow_rate_max = EXCLUDED.flow_rate_max,
    intake_pressure_n = EXCLUDED.intake_pressure_n,
    intake_pressure_sum = EXCLUDED.intake_pressure_sum,
    intake_pressure_min = EXCLUDED.intake_pressure_min,
    intake_pressure_max = EXCLUDED.intake_pressure_max,
    discharge_pressure_n = EXCLUDED.discharge_pressure_n,
    discharge_pressure_sum = EXCLUDED.discharge_pressure_sum,
    discharge_pressure_min = EXCLUDED.discharge_pressure_min,
    discharge_pressure_max = EXCLUDED.discharge_pressure_max,
    motor_current_n = EXCLUDED.motor_current_n,
    motor_current_sum = EXCLUDED.motor_current_sum,
    motor_current_min = EXCLUDED.motor_current_min,
    motor_current_max = EXCLUDED.motor_current_max,
    motor_voltage_n = EXCLUDED.motor_voltage_n,
    motor_voltage_sum = EXCLUDED.motor_voltage_sum,
    motor_voltage_min = EXCLUDED.motor_voltage_min,
    motor_voltage_max = EXCLUDED.motor_voltage_max,
    motor_temperature_n = EXCLUDED.motor_temperature_n,
    motor_temperature_sum = EXCLUDED.motor_temperature_sum,
    motor_temperature_min = EXCLUDED.motor_temperature_min,
    motor_temperature_max = EXCLUDED.motor_temperature_max,
    intake_temperature_n = EXCLUDED.intake_temperature_n,
    intake_temperature_sum = EXCLUDED.intake_temperature_sum,
    intake_temperature_min = EXCLUDED.intake_temperature_min,
    intake_temperature_max = EXCLUDED.intake_temperature_max,
    vibration_n = EXCLUDED.vibration_n,
    vibration_sum = EXCLUDED.vibration_sum,
    vibration_min = EXCLUDED.vibration_min,
    vibration_max = EXCLUDED.vibration_max,
    frequency_n = EXCLUDED.frequency_n,
    frequency_sum = EXCLUDED.frequency_sum,
    frequency_min = EXCLUDED.frequency_min,
    frequency_max = EXCLUDED.frequency_max,
    power_kw_n = EXCLUDED.power_kw_n,
    power_kw_sum = EXCLUDED.power_kw_sum,
    power_kw_min = EXCLUDED.power_kw_min,
    power_kw_max = EXCLUDED.power_kw_max
    RETURNING xmax::text <> '0' AS replaced
),
removed AS (
    DELETE FROM telemetry_hourly m
    USING computed c
    WHERE c.bucket_rows = 0
      AND m.well_id = c.well_id
      AND m.bucket = c.bucket
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FILTER (WHERE replaced) FROM written) + (SELECT count(*) FROM removed) AS replaced
