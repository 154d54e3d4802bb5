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
       OR NOT EXISTS (SELECT 1 FROM well_performance_hourly m WHERE m.well_id = b.well_id AND m.bucket = b.bucket)
),
computed AS (
    SELECT b.well_id, b.bucket, a.*
    FROM buckets b
    CROSS JOIN LATERAL (
        SELECT count(*) AS bucket_rows,
               count(*) AS samples,
               count(*) FILTER (WHERE r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0) AS eligible,
               sum(r.flow_rate * (r.discharge_pressure - r.intake_pressure) * 1.2687e-5) FILTER (WHERE r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0) AS hydraulic_kw_sum,
               sum(r.power_kw) FILTER (WHERE r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0) AS power_kw_sum,
               count(*) FILTER (WHERE r.vibration > 0.5) AS vibration_breaches,
               count(*) FILTER (WHERE r.motor_temperature > 250.0) AS overheat_breaches,
               count(*) FILTER (WHERE r.motor_current > 80.0) AS overcurrent_breaches,
               count(*) FILTER (WHERE r.intake_pressure < 100.0) AS low_intake_breaches,
               count(*) FILTER (WHERE r.vibration > 0.5 OR r.motor_temperature > 250.0 OR r.motor_current > 80.0 OR r.intake_pressure < 100.0) AS anomalies
        FROM esp_telemetry r
        WHERE r.well_id = b.well_id
          AND r.time >= b.bucket
          AND r.time < b.bucket + interval '3600 seconds'
    ) a
),
written AS (
    INSERT INTO well_performance_hourly (well_id, bucket,
        samples,
        eligible,
        hydraulic_kw_sum,
        power_kw_sum,
        vibration_breaches,
        overheat_breaches,
        overcurrent_breaches,
        low_intake_breaches,
        anomalies)
    SELECT well_id, bucket,
           samples,
           eligible,
           hydraulic_kw_sum,
           power_kw_sum,
           vibration_breaches,
           overheat_breaches,
           overcurrent_breaches,
           low_intake_breaches,
           anomalies
    FROM computed
    WHERE bucket_rows > 0
    ON CONFLICT (well_id, bucket) DO UPDATE
    SET samples = EXCLUDED.samples,
    eligible = EXCLUDED.eligible,
    hydraulic_kw_sum = EXCLUDED.hydraulic_kw_sum,
    power_kw_sum = EXCLUDED.power_kw_sum,
    vibration_breaches = EXCLUDED.vibration_breaches,
    overheat_breaches = EXCLUDED.overheat_breaches,
    overcurrent_breaches = EXCLUDED.overcurrent_breaches,
    low_intake_breaches = EXCLUDED.low_intake_breaches,
    anomalies = EXCLUDED.anomalies
    RETURNING xmax::text <> '0' AS replaced
),
removed AS (
    DELETE FROM well_performance_hourly m
    USING computed c
    WHERE c.bucket_rows = 0
      AND m.well_id = c.well_id
      AND m.bucket = c.bucket
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FILTER (WHERE replaced) FROM written) + (SELECT count(*) FROM removed) AS replaced
