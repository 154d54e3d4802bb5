package io.wellgate.diagnostic;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.wellgate.ingest.Field;
import io.wellgate.ingest.RecordSchema;

/**
 * The diagnostic record: {@code wellId}, {@code time}, {@code type}, {@code severity},
 * {@code confidence}, merged into {@code diagnostic_results} keyed by {@code (well_id, time, type)}.
 */
public final class DiagnosticSchema {

	public static final RecordSchema DIAGNOSTICS = new RecordSchema("diagnostic", "diagnostic_results",
			List.of(Field.wellId(), Field.time(), Field.choice("type", "type", names(DiagnosisType.values())),
					Field.choice("severity", "severity", names(Severity.values())),
					Field.number("confidence", "confidence", 0, 1, true)),
			false,
			"""
			CREATE TEMP TABLE IF NOT EXISTS diagnostic_staging (
			    line        bigint           NOT NULL,
			    well_id     text             NOT NULL,
			    time        timestamptz      NOT NULL,
			    type        text             NOT NULL,
			    severity    text             NOT NULL,
			    confidence  double precision NOT NULL
			) ON COMMIT DELETE ROWS
			""",
			"diagnostic_staging",
			"""
			INSERT INTO diagnostic_results AS d (well_id, time, type, severity, confidence)
			SELECT %s
			       well_id, time, type, severity, confidence
			FROM diagnostic_staging
			%s
			ON CONFLICT (well_id, time, type) DO UPDATE
			SET severity = EXCLUDED.severity,
			    confidence = EXCLUDED.confidence
			""", "DISTINCT ON (well_id, time, type)", "ORDER BY well_id, time, type, line DESC",
			RecordSchema.Registration.WELLS);

	private DiagnosticSchema() {
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
	}

}
