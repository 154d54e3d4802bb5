package io.wellgate.telemetry;

import java.util.ArrayList;
import java.util.List;
import io.wellgate.ingest.RecordSchema;
import io.wellgate.ingest.Field;

/**
 * The telemetry record: {@code wellId}, {@code time} and the ten optional metrics, merged into
 * {@code esp_telemetry} keyed by {@code (well_id, time)}.
 */
public final class TelemetrySchema {

	public static final RecordSchema TELEMETRY = new RecordSchema("sample", "esp_telemetry", fields(), true,
			"""
			CREATE TEMP TABLE IF NOT EXISTS telemetry_staging (
			    line                bigint           NOT NULL,
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
			    power_kw            double precision
			) ON COMMIT DELETE ROWS
			""",
			"telemetry_staging",
			"""
			INSERT INTO esp_telemetry AS t (well_id, time, flow_rate, intake_pressure, discharge_pressure,
			        motor_current, motor_voltage, motor_temperature, intake_temperature, vibration,
			        frequency, power_kw)
			SELECT %s
			       well_id, time, flow_rate, intake_pressure, discharge_pressure,
			       motor_current, motor_voltage, motor_temperature, intake_temperature, vibration,
			       frequency, power_kw
			FROM telemetry_staging
			%s
			ON CONFLICT (well_id, time) DO UPDATE
			SET flow_rate = EXCLUDED.flow_rate,
			    intake_pressure = EXCLUDED.intake_pressure,
			    discharge_pressure = EXCLUDED.discharge_pressure,
			    motor_current = EXCLUDED.motor_current,
			    motor_voltage = EXCLUDED.motor_voltage,
			    motor_temperature = EXCLUDED.motor_temperature,
			    intake_temperature = EXCLUDED.intake_temperature,
			    vibration = EXCLUDED.vibration,
			    frequency = EXCLUDED.frequency,
			    power_kw = EXCLUDED.power_kw
			""", "DISTINCT ON (well_id, time)", "ORDER BY well_id, time, line DESC", RecordSchema.Registration.WELLS);

	private TelemetrySchema() {
	}

	private static List<Field> fields() {
		List<Field> fields = new ArrayList<>();
		fields.add(Field.wellId());
		fields.add(Field.time());
		for (TelemetryMetric metric : TelemetryMetric.values()) {
			fields.add(Field.number(metric.field(), metric.column(), metric.min(), metric.max(), false));
		}
		return fields;
	}

}
