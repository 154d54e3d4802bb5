package io.wellgate.well;

import java.util.List;

import io.wellgate.ingest.Field;
import io.wellgate.ingest.RecordSchema;

/**
 * The registry record: {@code id}, {@code name}, {@code field}, {@code pumpModel},
 * {@code installedAt}, merged into {@code wells} keyed by {@code id}. A record is the well's
 * whole metadata: a field left out or null clears it. The span of the well's samples is the
 * write path's, never the record's, so metadata sent before or after the first sample ends up
 * the same.
 */
public final class WellSchema {

	/** The longest name, field or pump model taken. */
	static final int MAX_TEXT = 200;

	public static final RecordSchema WELLS = new RecordSchema("well", "wells",
			List.of(Field.wellId("id", "id"), Field.text("name", "name", MAX_TEXT),
					Field.text("field", "field", MAX_TEXT), Field.text("pumpModel", "pump_model", MAX_TEXT),
					Field.date("installedAt", "installed_at")),
			false,
			"""
			CREATE TEMP TABLE IF NOT EXISTS wells_staging (
			    line          bigint NOT NULL,
			    id            text   NOT NULL,
			    name          text,
			    field         text,
			    pump_model    text,
			    installed_at  date
			) ON COMMIT DELETE ROWS
			""",
			"wells_staging",
			"""
			INSERT INTO wells AS w (id, name, field, pump_model, installed_at)
			SELECT s.*
			FROM (
			    SELECT %s
			           id, name, field, pump_model, installed_at
			    FROM wells_staging
			    %s
			) s
			-- In id order, as the telemetry writes register wells, so that the two never deadlock.
			ORDER BY s.id
			ON CONFLICT (id) DO UPDATE
			SET name = EXCLUDED.name,
			    field = EXCLUDED.field,
			    pump_model = EXCLUDED.pump_model,
			    installed_at = EXCLUDED.installed_at
			""", "DISTINCT ON (id)", "ORDER BY id, line DESC", RecordSchema.Registration.NONE);

	private WellSchema() {
	}

}
