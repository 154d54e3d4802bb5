package io.wellgate.analytics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

import io.wellgate.well.OilField;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The windowed field of {@code OilField}, batched: the summaries of every field of a request
 * asking for the same window take one statement, whatever the number of fields.
 */
@Controller
class OilFieldAnalyticsController {

	private final Windows windows;

	OilFieldAnalyticsController(Windows windows, PerformanceQueries performance, BatchLoaderRegistry registry) {
		this.windows = windows;
		registry.<FieldWindow, PerformanceSummary>forName("fieldSummary")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> summaries(keys, performance)));
	}

	@SchemaMapping(typeName = "OilField")
	CompletableFuture<PerformanceSummary> performanceSummary(OilField field, @Argument Integer hours,
			@Argument OffsetDateTime from, @Argument OffsetDateTime to, DataFetchingEnvironment env) {
		DataLoader<FieldWindow, PerformanceSummary> loader = env.getDataLoader("fieldSummary");
		return loader.load(new FieldWindow(field.name(), this.windows.hours(hours, from, to, env)));
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

	private static PerformanceSummary empty(Window window) {
		return new PerformanceSummary(null, OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC),
				OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC), 0, null, null, 0);
	}

	/** The key of a field's batched summary. */
	record FieldWindow(String field, Window window) {
	}

}
