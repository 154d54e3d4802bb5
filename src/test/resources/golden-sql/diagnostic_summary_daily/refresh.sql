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
    CROSS JOIN LATERAL generate_series(date_bin(interval '86400 seconds', c.lo, timestamptz '2000-01-01 00:00:00+00'),
        least(c.hi, :watermark - interval '1 microsecond'),
        interval '86400 seconds') AS b(bucket)
    WHERE c.lo < :watermark
    UNION
    SELECT r.well_id, date_bin(interval '86400 seconds', r.time, timestamptz '2000-01-01 00:00:00+00')
    FROM diagnostic_results r
    WHERE r.time >= :rangeFrom
      AND r.time < :rangeTo
),
buckets AS (
    SELECT b.well_id, b.bucket
    FROM changed b
    WHERE b.bucket >= :horizon
       OR NOT EXISTS (SELECT 1 FROM diagnostic_summary_daily m WHERE m.well_id = b.well_id AND m.bucket = b.bucket)
),
computed AS (
    SELECT b.well_id, b.bucket, a.*
    FROM buckets b
    CROSS JOIN LATERAL (
        SELECT count(*) AS bucket_rows,
               count(*) AS total,
               count(*) FILTER (WHERE r.severity = 'LOW') AS severity_low,
               count(*) FILTER (WHERE r.severity = 'MEDIUM') AS severity_medium,
               count(*) FILTER (WHERE r.severity = 'HIGH') AS severity_high,
               count(*) FILTER (WHERE r.severity = 'CRITICAL') AS severity_critical,
               count(*) FILTER (WHERE r.type = 'NORMAL') AS type_normal,
               count(*) FILTER (WHERE r.type = 'GAS_LOCK') AS type_gas_lock,
               count(*) FILTER (WHERE r.type = 'PUMP_WEAR') AS type_pump_wear,
               count(*) FILTER (WHERE r.type = 'SAND_INGESTION') AS type_sand_ingestion,
               count(*) FILTER (WHERE r.type = 'MOTOR_OVERHEAT') AS type_motor_overheat,
               count(*) FILTER (WHERE r.type = 'ELECTRICAL_FAULT') AS type_electrical_fault,
               count(*) FILTER (WHERE r.type = 'BROKEN_SHAFT') AS type_broken_shaft,
               count(*) FILTER (WHERE r.type = 'SCALE_BUILDUP') AS type_scale_buildup,
               count(*) FILTER (WHERE r.type = 'UNDERLOAD') AS type_underload,
               count(*) FILTER (WHERE r.type = 'OTHER') AS type_other,
               sum(r.confidence) AS confidence_sum,
               min(r.confidence) AS confidence_min,
               max(r.confidence) AS confidence_max
        FROM diagnostic_results r
        WHERE r.well_id = b.well_id
          AND r.time >= b.bucket
          AND r.time < b.bucket + interval '86400 seconds'
    ) a
),
written AS (
    INSERT INTO diagnostic_summary_daily (well_id, bucket,
        total,
        severity_low,
        severity_medium,
        severity_high,
        severity_critical,
        type_normal,
        type_gas_lock,
        type_pump_wear,
        type_sand_ingestion,
        type_motor_overheat,
        type_electrical_fault,
        type_broken_shaft,
        type_scale_buildup,
        type_underload,
        type_other,
        confidence_sum,
        confidence_min,
        confidence_max)
    SELECT well_id, bucket,
           total,
           severity_low,
           severity_medium,
           severity_high,
           severity_critical,
           type_normal,
           type_gas_lock,
           type_pump_wear,
           type_sand_ingestion,
           type_motor_overheat,
           type_electrical_fault,
           type_broken_shaft,
           type_scale_buildup,
           type_underload,
           type_other,
           confidence_sum,
           confidence_min,
           confidence_max
    FROM computed
    WHERE bucket_rows > 0
    ON CONFLICT (well_id, bucket) DO UPDATE
    SET total = EXCLUDED.total,
    severity_low = EXCLUDED.severity_low,
    severity_medium = EXCLUDED.severity_medium,
    severity_high = EXCLUDED.severity_high,
    severity_critical = EXCLUDED.severity_critical,
    type_normal = EXCLUDED.type_normal,
    type_gas_lock = EXCLUDED.type_gas_lock,
    type_pump_wear = EXCLUDED.type_pump_wear,
    type_sand_ingestion = EXCLUDED.type_sand_ingestion,
    type_motor_overheat = EXCLUDED.type_motor_overheat,
    type_electrical_fault = EXCLUDED.type_electrical_fault,
    type_broken_shaft = EXCLUDED.type_broken_shaft,
    type_scale_buildup = EXCLUDED.type_scale_buildup,
    type_underload = EXCLUDED.type_underload,
    type_other = EXCLUDED.type_other,
    confidence_sum = EXCLUDED.confidence_sum,
    confidence_min = EXCLUDED.confidence_min,
    confidence_max = EXCLUDED.confidence_max
    RETURNING xmax::text <> '0' AS replaced
),
removed AS (
    DELETE FROM diagnostic_summary_daily m
    USING computed c
    WHERE c.bucket_rows = 0
      AND m.well_id = c.well_id
      AND m.bucket = c.bucket
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FILTER (WHERE replaced) FROM written) + (SELECT count(*) FROM removed) AS replaced
