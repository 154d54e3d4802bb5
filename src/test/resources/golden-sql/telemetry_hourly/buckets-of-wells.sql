WITH pending AS (
    SELECT DISTINCT l.well_id, b.bucket
    FROM aggregate_invalidations l
    CROSS JOIN LATERAL generate_series(date_bin(interval '3600 seconds', greatest(l.lo, CAST(:from AS timestamptz)), timestamptz '2000-01-01 00:00:00+00'),
        least(l.hi, CAST(:to AS timestamptz) - interval '1 microsecond', (SELECT watermark FROM aggregate_state WHERE name = 'telemetry_hourly') - interval '1 microsecond'),
        interval '3600 seconds') AS b(bucket)
    WHERE l.aggregate = 'telemetry_hourly'
      AND l.hi >= :from
      AND l.lo < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'telemetry_hourly'))
      AND l.well_id = ANY(:wells)
)
SELECT m.well_id, m.bucket,
       m.samples,
       m.flow_rate_n,
       m.flow_rate_sum,
       m.flow_rate_min,
       m.flow_rate_max,
       m.intake_pressure_n,
       m.intake_pressure_sum,
       m.intake_pressure_min,
       m.intake_pressure_max,
       m.discharge_pressure_n,
       m.discharge_pressure_sum,
       m.discharge_pressure_min,
       m.discharge_pressure_max,
       m.motor_current_n,
       m.motor_current_sum,
       m.motor_current_min,
       m.motor_current_max,
       m.motor_voltage_n,
       m.motor_voltage_sum,
       m.motor_voltage_min,
       m.motor_voltage_max,
       m.motor_temperature_n,
       m.motor_temperature_sum,
       m.motor_temperature_min,
       m.motor_temperature_max,
       m.intake_temperature_n,
       m.intake_temperature_sum,
       m.intake_temperature_min,
       m.intake_temperature_max,
       m.vibration_n,
       m.vibration_sum,
       m.vibration_min,
       m.vibration_max,
       m.frequency_n,
       m.frequency_sum,
       m.frequency_min,
       m.frequency_max,
       m.power_kw_n,
       m.power_kw_sum,
       m.power_kw_min,
       m.power_kw_max
FROM unnest(CAST(:wells AS text[])) AS w(well_id)
CROSS JOIN LATERAL (
    SELECT *
    FROM telemetry_hourly m
    WHERE m.well_id = w.well_id
      AND m.bucket >= :from
      AND m.bucket < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'telemetry_hourly'))
    OFFSET 0
) m
WHERE m.bucket >= :from
  AND m.bucket < least(CAST(:to AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'telemetry_hourly'))
  AND NOT EXISTS (SELECT 1 FROM pending p WHERE p.well_id = m.well_id AND p.bucket = m.bucket)
UNION ALL
SELECT r.well_id, date_bin(interval '3600 seconds', r.time, timestamptz '2000-01-01 00:00:00+00') AS bucket,
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
FROM unnest(CAST(:wells AS text[])) AS w(well_id)
CROSS JOIN LATERAL (
    SELECT *
    FROM esp_telemetry r
    WHERE r.well_id = w.well_id
      AND r.time >= greatest(CAST(:from AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'telemetry_hourly'))
      AND r.time >= :tail
      AND r.time < :to
    OFFSET 0
) r
WHERE r.time >= greatest(CAST(:from AS timestamptz), (SELECT watermark FROM aggregate_state WHERE name = 'telemetry_hourly'))
  AND r.time >= :tail
  AND r.time < :to
GROUP BY r.well_id, 2
UNION ALL
SELECT p.well_id, p.bucket,
       a.samples,
       a.flow_rate_n,
       a.flow_rate_sum,
       a.flow_rate_min,
       a.flow_rate_max,
       a.intake_pressure_n,
       a.intake_pressure_sum,
       a.intake_pressure_min,
       a.intake_pressure_max,
       a.discharge_pressure_n,
       a.discharge_pressure_sum,
       a.discharge_pressure_min,
       a.discharge_pressure_max,
       a.motor_current_n,
       a.motor_current_sum,
       a.motor_current_min,
       a.motor_current_max,
       a.motor_voltage_n,
       a.motor_voltage_sum,
       a.motor_voltage_min,
       a.motor_voltage_max,
       a.motor_temperature_n,
       a.motor_temperature_sum,
       a.motor_temperature_min,
       a.motor_temperature_max,
       a.intake_temperature_n,
       a.intake_temperature_sum,
       a.intake_temperature_min,
       a.intake_temperature_max,
       a.vibration_n,
       a.vibration_sum,
       a.vibration_min,
       a.vibration_max,
       a.frequency_n,
       a.frequency_sum,
       a.frequency_min,
       a.frequency_max,
       a.power_kw_n,
       a.power_kw_sum,
       a.power_kw_min,
       a.power_kw_max
FROM pending p
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
    WHERE r.well_id = p.well_id
      AND r.time >= p.bucket
      AND r.time < p.bucket + interval '3600 seconds'
      AND r.time >= :from
      AND r.time < :to
) a
WHERE a.bucket_rows > 0
