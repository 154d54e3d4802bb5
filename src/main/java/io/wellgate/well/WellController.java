package io.wellgate.well;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.wellgate.analytics.BadArgumentException;
import io.wellgate.analytics.Windows;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The entry points to {@code Well}: by id, paged, and as a federation entity (batched).
 */
@Controller
class WellController {

	private static final String CURSOR_PREFIX = "well:";

	private final WellRepository wells;

	WellController(WellRepository wells) {
		this.wells = wells;
	}

	@QueryMapping
	Well well(@Argument String id) {
		return this.wells.findById(id).orElse(null);
	}

	@QueryMapping
	WellConnection wells(@Argument Integer first, @Argument String after, @Argument String field) {
		int size = Windows.limit("first", first, 1000);
		String afterId = (after == null) ? null : decode(after);
		List<Well> page = (field == null) ? this.wells.page(afterId, size + 1)
				: this.wells.pageOfField(field, afterId, size + 1);
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

	/** Resolves {@code _entities} for a whole batch of representations in one statement. */
	@EntityMapping
	List<Well> well(@Argument List<String> idList) {
		Map<String, Well> found = this.wells.mapById(idList);
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
