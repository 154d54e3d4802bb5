package io.wellgate.well;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import io.wellgate.access.FieldScope;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import io.wellgate.error.Arguments;

/**
 * The entry points to {@code Well}: by id, paged (all or one oil field's), and as a federation
 * entity (batched); and its current reading, batched.
 */
@Controller
class WellController {

	private final WellRepository wells;

	private final LatestReadings readings;

	WellController(WellRepository wells, LatestReadings readings) {
		this.wells = wells;
		this.readings = readings;
	}

	@QueryMapping
	Well well(@Argument String id, DataFetchingEnvironment env) {
		return this.wells.findById(id, FieldScope.of(env)).orElse(null);
	}

	/**
	 * A page of wells, all or one oil field's; {@code first} is checked as sent, since
	 * {@code ScrollSubrange} drops a negative count as if none were given.
	 */
	@QueryMapping
	WellPage wells(ScrollSubrange subrange, @Argument Integer first, @Argument String field,
			DataFetchingEnvironment env) {
		int size = Arguments.limit("first", first, 1000);
		String afterId = WellPage.afterId(subrange);
		FieldScope scope = FieldScope.of(env);
		List<Well> page = (field == null) ? this.wells.page(afterId, size + 1, scope)
				: this.wells.pageOfField(field, afterId, size + 1, scope);
		return WellPage.of(page, size, afterId);
	}

	/** The current reading of every well of a request in one statement. */
	@BatchMapping(typeName = "Well")
	Map<Well, TelemetrySample> latest(List<Well> wells) {
		Map<String, TelemetrySample> latest = this.readings.latest(wells.stream().map(Well::id).distinct().toList());
		Map<Well, TelemetrySample> byWell = new HashMap<>();
		for (Well well : wells) {
			TelemetrySample sample = latest.get(well.id());
			if (sample != null) {
				byWell.put(well, sample);
			}
		}
		return byWell;
	}

	/**
	 * Resolves {@code _entities} for a whole batch of representations in one statement; a well
	 * outside the caller's fields is {@code null}, as an unknown one.
	 */
	@EntityMapping
	List<Well> well(@Argument List<String> idList, DataFetchingEnvironment env) {
		Map<String, Well> found = this.wells.mapById(idList, FieldScope.of(env));
		return idList.stream().map(found::get).toList();
	}

}
