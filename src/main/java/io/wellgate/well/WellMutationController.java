package io.wellgate.well;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wellgate.ingest.GraphQlRows;
import io.wellgate.ingest.IngestResult;

import io.wellgate.access.Scopes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code upsertWells}: the GraphQL way to register wells with their metadata, through the same
 * write path (rules, errors, atomicity) as {@code POST /api/v1/wells}.
 */
@Controller
class WellMutationController {

	private final GraphQlRows rows;

	WellMutationController(GraphQlRows rows) {
		this.rows = rows;
	}

	@MutationMapping
	@PreAuthorize("hasAuthority('" + Scopes.WELLS_WRITE + "')")
	IngestResult upsertWells(@Argument List<WellInput> wells) {
		return this.rows.write(WellSchema.WELLS, wells, WellMutationController::values);
	}

	private static Map<String, Object> values(WellInput input) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", input.id());
		values.put("name", input.name());
		values.put("field", input.field());
		values.put("pumpModel", input.pumpModel());
		values.put("installedAt", input.installedAt());
		return values;
	}

}
