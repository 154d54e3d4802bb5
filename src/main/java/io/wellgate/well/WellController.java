package io.wellgate.well;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import io.wellgate.access.FieldScope;
import io.wellgate.error.BadArgumentException;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import io.wellgate.error.Arguments;

/**
 * The entry points to {@code Well}: by id, paged (all or one oil field's), and as a federation
 * entity (batched); and its current reading, batched.
 */
@Controller
class WellController {

	private static final String CURSOR_PREFIX = "well:";

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

	@QueryMapping
	WellConnection wells(@Argument Integer first, @Argument String after, @Argument String field,
			DataFetchingEnvironment env) {
		int size = Arguments.limit("first", first, 1000);
		String afterId = (after == null) ? null : decode(after);
		FieldScope scope = FieldScope.of(env);
		List<Well> page = (field == null) ? this.wells.page(afterId, size + 1, scope)
				: this.wells.pageOfField(field, afterId, size + 1, scope);
		return connection(page, size, afterId);
	}

	/** A connection over {@code page}, which holds up to one well more than {@code size}. */
	static WellConnection connection(List<Well> page, int size, String afterId) {
		boolean more = page.size() > size;
		List<WellConnection.Edge> edges = new ArrayList<>();
		for (Well well : more ? page.subList(0, size) : page) {
			edges.add(new WellConnection.Edge(encode(well.id()), well));
		}
		return new WellConnection(edges, new WellConnection.PageInfo(more, afterId != null,
				edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
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

	static String encode(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
	}

	static String decode(String cursor) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(CURSOR_PREFIX)) {
				return decoded.substring(CURSOR_PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below like any other cursor this service did not issue.
		}
		throw new BadArgumentException("after", "not a cursor of this list; pass a pageInfo.endCursor or edge cursor");
	}

}
