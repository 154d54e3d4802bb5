WITH pending AS (
    SELECT DISTINCT l.well_id, b.bucket
    FROM aggregate_invalidations l
    CROSS JOIN LATERAL generate_series(date_bin(interval '86400 seconds', greatest(l.lo, CAST(:from AS timestamptz)), timestamptz '2000-01-01 00:00:00+00'),
        least(l.hi, CAST(:to AS timestamptz) - interval '1 microsecond', (SELECT watermark FROM aggregate_state WHERE name = 'diagnostic_summary_daily') - interval '1 microsecond'),
        interval '86400 seconds') AS b(bucket)
    WHERE l.aggregate = 'diagnostic_summary_daily'
      AND l.hi >= :from
      AND l.lo < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'diagnostic_summary_daily'))
      AND l.well_id = ANY(:wells)
)
SELECT m.well_id, m.bucket,
       m.total,
       m.severity_low,
       m.severity_medium,
       m.severity_high,
       m.severity_critical,
       m.type_normal,
       m.type_gas_lock,
       m.type_pump_wear,
       m.type_sand_ingestion,
       m.type_motor_overheat,
       m.type_electrical_fault,
       m.type_broken_shaft,
       m.type_scale_buildup,
       m.type_underload,
       m.type_other,
       m.confidence_sum,
       m.confidence_min,
       m.confidence_max
FROM unnest(CAST(:wells AS text[])) AS w(well_id)
CROSS JOIN LATERAL (
    SELECT *
    FROM diagnostic_summary_daily m
    WHERE m.well_id = w.well_id
      AND m.bucket >= :from
      AND m.bucket < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'diagnostic_summary_daily'))
    OFFSET 0
) m
WHERE m.bucket >= :from
  AND m.bucket < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'diagnostic_summary_daily'))
  AND NOT EXISTS (SELECT 1 FROM pending p WHERE p.well_id = m.well_id AND p.bucket = m.bucket)
UNION ALL
SELECT r.well_id, date_bin(interval '86400 seconds', r.time, timestamptz '2000-01-01 00:00:00+00') AS bucket,
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
FROM unnest(CAST(:wells AS text[])) AS w(well_id)
CROSS JOIN LATERAL (
    SELECT *
    FROM diagnostic_results r
    WHERE r.well_id = w.well_id
      AND r.time >= greatest(CAST(:from AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'diagnostic_summary_daily'))
      AND r.time >= :tail
      AND r.time < :to
    OFFSET 0
) r
WHERE r.time >= greatest(CAST(:from AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'diagnostic_summary_daily'))
  AND r.time >= :tail
  AND r.time < :to
GROUP BY r.well_id, 2
UNION ALL
SELECT p.well_id, p.bucket,
       a.total,
       a.severity_low,
       a.severity_medium,
       a.severity_high,
       a.severity_critical,
       a.type_normal,
       a.type_gas_lock,
       a.type_pump_wear,
       a.type_sand_ingestion,
       a.type_motor_overheat,
       a.type_electrical_fault,
       a.type_broken_shaft,
       a.type_scale_buildup,
       a.type_underload,
       a.type_other,
       a.confidence_sum,
       a.confidence_min,
       a.confidence_max
FROM pending p
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
    WHERE r.well_id = p.well_id
      AND r.time >= p.bucket
      AND r.time < p.bucket + interval '86400 seconds'
      AND r.time >= :from
      AND r.time < :to
) a
WHERE a.bucket_rows > 0
