package io.wellgate.diagnostic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wellgate.access.Scopes;
import io.wellgate.ingest.GraphQlRows;
import io.wellgate.ingest.IngestResult;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code recordDiagnostics}: the GraphQL way to store findings, through the same write path as
 * the bulk endpoint.
 */
@Controller
class DiagnosticMutationController {

	private final GraphQlRows rows;

	DiagnosticMutationController(GraphQlRows rows) {
		this.rows = rows;
	}

	@MutationMapping
	@PreAuthorize("hasAuthority('" + Scopes.TELEMETRY_WRITE + "')")
	IngestResult recordDiagnostics(@Argument List<DiagnosticInput> results) {
		return this.rows.write(DiagnosticSchema.DIAGNOSTICS, results, DiagnosticMutationController::values);
	}

	private static Map<String, Object> values(DiagnosticInput input) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("wellId", input.wellId());
		values.put("time", input.time());
		values.put("type", input.type() == null ? null : input.type().name());
		values.put("severity", input.severity() == null ? null : input.severity().name());
		values.put("confidence", input.confidence());
		return values;
	}

}
