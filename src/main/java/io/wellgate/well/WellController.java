package io.wellgate.well;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code Well} type's entry points.
 */
@Controller
class WellController {

	private final WellRepository wells;

	WellController(WellRepository wells) {
		this.wells = wells;
	}

	@QueryMapping
	Well well(@Argument String id) {
		return this.wells.findById(id).orElse(null);
	}

}
