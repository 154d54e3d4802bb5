WITH pending AS (
    SELECT DISTINCT l.well_id, b.bucket
    FROM aggregate_invalidations l
    CROSS JOIN LATERAL generate_series(date_bin(interval '3600 seconds', greatest(l.lo, CAST(:from AS timestamptz)), timestamptz '2000-01-01 00:00:00+00'),
        least(l.hi, CAST(:to AS timestamptz) - interval '1 microsecond', (SELECT watermark FROM aggregate_state WHERE name = 'well_performance_hourly') - interval '1 microsecond'),
        interval '3600 seconds') AS b(bucket)
    WHERE l.aggregate = 'well_performance_hourly'
      AND l.hi >= :from
      AND l.lo < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'well_performance_hourly'))
      AND l.well_id = ANY(:wells)
)
SELECT m.well_id, NULL::timestamptz AS bucket,
       CAST(sum(m.samples) AS bigint) AS samples,
       CAST(sum(m.eligible) AS bigint) AS eligible,
       CAST(sum(m.hydraulic_kw_sum) AS double precision) AS hydraulic_kw_sum,
       CAST(sum(m.power_kw_sum) AS double precision) AS power_kw_sum,
       CAST(sum(m.vibration_breaches) AS bigint) AS vibration_breaches,
       CAST(sum(m.overheat_breaches) AS bigint) AS overheat_breaches,
       CAST(sum(m.overcurrent_breaches) AS bigint) AS overcurrent_breaches,
       CAST(sum(m.low_intake_breaches) AS bigint) AS low_intake_breaches,
       CAST(sum(m.anomalies) AS bigint) AS anomalies
FROM unnest(CAST(:wells AS text[])) AS w(well_id)
CROSS JOIN LATERAL (
    SELECT *
    FROM well_performance_hourly m
    WHERE m.well_id = w.well_id
      AND m.bucket >= :from
      AND m.bucket < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'well_performance_hourly'))
    OFFSET 0
) m
WHERE m.bucket >= :from
  AND m.bucket < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'well_performance_hourly'))
  AND NOT EXISTS (SELECT 1 FROM pending p WHERE p.well_id = m.well_id AND p.bucket = m.bucket)
GROUP BY m.well_id
UNION ALL
SELECT r.well_id, date_bin(interval '3600 seconds', r.time, timestamptz '2000-01-01 00:00:00+00') AS bucket,
       count(*) AS samples,
       count(*) FILTER (WHERE r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0) AS eligible,
       sum(r.flow_rate * (r.discharge_pressure - r.intake_pressure) * 1.2687e-5) FILTER (WHERE r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0) AS hydraulic_kw_sum,
       sum(r.power_kw) FILTER (WHERE r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0) AS power_kw_sum,
       count(*) FILTER (WHERE r.vibration > 0.5) AS vibration_breaches,
       count(*) FILTER (WHERE r.motor_temperature > 250.0) AS overheat_breaches,
       count(*) FILTER (WHERE r.motor_current > 80.0) AS overcurrent_breaches,
       count(*) FILTER (WHERE r.intake_pressure < 100.0) AS low_intake_breaches,
       count(*) FILTER (WHERE r.vibration > 0.5 OR r.motor_temperature > 250.0 OR r.motor_current > 80.0 OR r.intake_pressure < 100.0) AS anomalies
FROM unnest(CAST(:wells AS text[])) AS w(well_id)
CROSS JOIN LATERAL (
    SELECT *
    FROM esp_telemetry r
    WHERE r.well_id = w.well_id
      AND r.time >= greatest(CAST(:from AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'well_performance_hourly'))
      AND r.time >= :tail
      AND r.time < :to
    OFFSET 0
) r
WHERE r.time >= greatest(CAST(:from AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'well_performance_hourly'))
  AND r.time >= :tail
  AND r.time < :to
GROUP BY r.well_id, 2
UNION ALL
SELECT p.well_id, p.bucket,
       a.samples,
       a.eligible,
       a.hydraulic_kw_sum,
       a.power_kw_sum,
       a.vibration_breaches,
       a.overheat_breaches,
       a.overcurrent_breaches,
       a.low_intake_breaches,
       a.anomalies
FROM pending p
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
    WHERE r.well_id = p.well_id
      AND r.time >= p.bucket
      AND r.time < p.bucket + interval '3600 seconds'
      AND r.time >= :from
      AND r.time < :to
) a
WHERE a.bucket_rows > 0
