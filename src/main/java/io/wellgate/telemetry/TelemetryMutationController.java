package io.wellgate.telemetry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wellgate.access.Scopes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import io.wellgate.ingest.IngestResult;
import io.wellgate.ingest.GraphQlRows;

/**
 * {@code ingestTelemetry}: the GraphQL way to store samples, through the same write path as the
 * bulk endpoint.
 */
@Controller
class TelemetryMutationController {

	private final GraphQlRows rows;

	TelemetryMutationController(GraphQlRows rows) {
		this.rows = rows;
	}

	@MutationMapping
	@PreAuthorize("hasAuthority('" + Scopes.TELEMETRY_WRITE + "')")
	IngestResult ingestTelemetry(@Argument List<TelemetrySampleInput> samples) {
		return this.rows.write(TelemetrySchema.TELEMETRY, samples, TelemetryMutationController::values);
	}

	private static Map<String, Object> values(TelemetrySampleInput input) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("wellId", input.wellId());
		values.put("time", input.time());
		values.put("flowRate", input.flowRate());
		values.put("intakePressure", input.intakePressure());
		values.put("dischargePressure", input.dischargePressure());
		values.put("motorCurrent", input.motorCurrent());
		values.put("motorVoltage", input.motorVoltage());
		values.put("motorTemperature", input.motorTemperature());
		values.put("intakeTemperature", input.intakeTemperature());
		values.put("vibration", input.vibration());
		values.put("frequency", input.frequency());
		values.put("powerKw", input.powerKw());
		return values;
	}

}
