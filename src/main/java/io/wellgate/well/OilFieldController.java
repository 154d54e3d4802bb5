package io.wellgate.well;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import io.wellgate.analytics.PerformanceQueries;
import io.wellgate.analytics.PerformanceSummary;
import io.wellgate.analytics.Window;
import io.wellgate.analytics.Windows;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Oil fields: {@code fields} and {@code OilField}. Every field of the list is batched: a page of
 * every field with its summary and its wells takes one statement per field kind, whatever the
 * number of fields.
 */
@Controller
class OilFieldController {

	private final OilFields fields;

	private final Windows windows;

	OilFieldController(OilFields fields, Windows windows, PerformanceQueries performance, BatchLoaderRegistry registry) {
		this.fields = fields;
		this.windows = windows;
		registry.<FieldWindow, PerformanceSummary>forName("fieldSummary")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> summaries(keys, performance)));
		registry.<FieldPage, WellPage>forName("fieldWells")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pages(keys)));
	}

	@QueryMapping
	List<OilField> fields(DataFetchingEnvironment env) {
		return this.fields.all(FieldScope.of(env));
	}

	@SchemaMapping(typeName = "OilField")
	CompletableFuture<PerformanceSummary> performanceSummary(OilField field, @Argument Integer hours,
			@Argument OffsetDateTime from, @Argument OffsetDateTime to, DataFetchingEnvironment env) {
		DataLoader<FieldWindow, PerformanceSummary> loader = env.getDataLoader("fieldSummary");
		return loader.load(new FieldWindow(field.name(), this.windows.hours(hours, from, to, env)));
	}

	@SchemaMapping(typeName = "OilField")
	CompletableFuture<WellPage> wells(OilField field, ScrollSubrange subrange, @Argument Integer first,
			DataFetchingEnvironment env) {
		int size = Windows.limit("first", first, 1000);
		String afterId = WellPage.afterId(subrange);
		DataLoader<FieldPage, WellPage> loader = env.getDataLoader("fieldWells");
		return loader.load(new FieldPage(field.name(), size, afterId));
	}

	private static Map<FieldWindow, PerformanceSummary> summaries(Set<FieldWindow> keys, PerformanceQueries performance) {
		Map<FieldWindow, PerformanceSummary> loaded = new HashMap<>();
		Map<Window, List<String>> byWindow = keys.stream()
			.collect(Collectors.groupingBy(FieldWindow::window, LinkedHashMap::new,
					Collectors.mapping(FieldWindow::field, Collectors.toList())));
		for (Map.Entry<Window, List<String>> entry : byWindow.entrySet()) {
			Window window = entry.getKey();
			Map<String, PerformanceSummary> found = performance.fieldSummaries(entry.getValue(), window);
			for (String field : entry.getValue()) {
				loaded.put(new FieldWindow(field, window), found.getOrDefault(field, empty(window)));
			}
		}
		return loaded;
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

	private static PerformanceSummary empty(Window window) {
		return new PerformanceSummary(null, OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC),
				OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC), 0, null, null, 0);
	}

	/** The key of a field's batched summary. */
	record FieldWindow(String field, Window window) {
	}

	/** The key of a field's batched page of wells. */
	record FieldPage(String field, int size, String after) {
	}

}
