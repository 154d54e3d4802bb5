package io.wellgate.well;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import io.wellgate.access.FieldScope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import io.wellgate.error.Arguments;

/**
 * Oil fields: {@code fields} and {@code OilField} (its windowed summary is resolved in
 * {@code analytics}). A page of every field with its wells takes one statement, whatever the
 * number of fields.
 */
@Controller
class OilFieldController {

	private final OilFields fields;

	OilFieldController(OilFields fields, BatchLoaderRegistry registry) {
		this.fields = fields;
		registry.<FieldPage, WellPage>forName("fieldWells")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pages(keys)));
	}

	@QueryMapping
	List<OilField> fields(DataFetchingEnvironment env) {
		return this.fields.all(FieldScope.of(env));
	}

	@SchemaMapping(typeName = "OilField")
	CompletableFuture<WellPage> wells(OilField field, ScrollSubrange subrange, @Argument Integer first,
			DataFetchingEnvironment env) {
		int size = Arguments.limit("first", first, 1000);
		String afterId = WellPage.afterId(subrange);
		DataLoader<FieldPage, WellPage> loader = env.getDataLoader("fieldWells");
		return loader.load(new FieldPage(field.name(), size, afterId));
	}

	private Map<FieldPage, WellPage> pages(Set<FieldPage> keys) {
		Map<FieldPage, WellPage> loaded = new HashMap<>();
		Map<FieldPage, List<String>> byPage = keys.stream()
			.collect(Collectors.groupingBy(key -> new FieldPage(null, key.size(), key.after()), LinkedHashMap::new,
					Collectors.mapping(FieldPage::field, Collectors.toList())));
		for (Map.Entry<FieldPage, List<String>> entry : byPage.entrySet()) {
			FieldPage page = entry.getKey();
			Map<String, List<Well>> wells = new HashMap<>();
			for (Well well : this.fields.pages(entry.getValue(), page.after(), page.size() + 1)) {
				wells.computeIfAbsent(well.field(), k -> new ArrayList<>()).add(well);
			}
			for (String field : entry.getValue()) {
				loaded.put(new FieldPage(field, page.size(), page.after()),
						WellPage.of(wells.getOrDefault(field, List.of()), page.size(), page.after()));
			}
		}
		return loaded;
	}

	/** The key of a field's batched page of wells. */
	record FieldPage(String field, int size, String after) {
	}

}
