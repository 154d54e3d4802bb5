package io.wellgate.analytics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import io.wellgate.well.Well;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The windowed fields of {@code Well}. Each is batched: all wells of a request asking for the
 * same field and window are read in one SQL statement, so the statement count depends on the
 * fields asked, not on the number of wells.
 */
@Controller
class WellAnalyticsController {

	private final Windows windows;

	WellAnalyticsController(Windows windows, BatchLoaderRegistry registry, TelemetryQueries telemetry,
			PerformanceQueries performance, DiagnosticQueries diagnostics) {
		this.windows = windows;
		register(registry, "hourly", telemetry::hourly, HourlyBucket::wellId);
		register(registry, "daily", telemetry::daily, DailyStats::wellId);
		register(registry, "performance", performance::hourly, Performance::wellId);
		register(registry, "diagnostics", diagnostics::daily, DiagnosticSummary::wellId);
		registry.<WellWindow, PerformanceSummary>forName("performanceSummary")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> summaries(keys, performance)));
	}

	@SchemaMapping(typeName = "Well")
	CompletableFuture<List<HourlyBucket>> hourly(Well well, @Argument Integer hours, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, DataFetchingEnvironment env) {
		return load(env, "hourly", well, this.windows.hours(hours, from, to, env));
	}

	@SchemaMapping(typeName = "Well")
	CompletableFuture<List<DailyStats>> daily(Well well, @Argument Integer days, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, DataFetchingEnvironment env) {
		return load(env, "daily", well, this.windows.days(days, from, to, env));
	}

	@SchemaMapping(typeName = "Well")
	CompletableFuture<List<Performance>> performance(Well well, @Argument Integer hours, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, DataFetchingEnvironment env) {
		return load(env, "performance", well, this.windows.hours(hours, from, to, env));
	}

	@SchemaMapping(typeName = "Well")
	CompletableFuture<PerformanceSummary> performanceSummary(Well well, @Argument Integer hours,
			@Argument OffsetDateTime from, @Argument OffsetDateTime to, DataFetchingEnvironment env) {
		return load(env, "performanceSummary", well, this.windows.hours(hours, from, to, env));
	}

	@SchemaMapping(typeName = "Well")
	CompletableFuture<List<DiagnosticSummary>> diagnostics(Well well, @Argument Integer days,
			@Argument OffsetDateTime from, @Argument OffsetDateTime to, DataFetchingEnvironment env) {
		return load(env, "diagnostics", well, this.windows.days(days, from, to, env));
	}

	private static <T> CompletableFuture<T> load(DataFetchingEnvironment env, String name, Well well, Window window) {
		DataLoader<WellWindow, T> loader = env.getDataLoader(name);
		return loader.load(new WellWindow(well.id(), window));
	}

	/** Registers a loader reading a list per well: one statement per distinct window. */
	private static <T> void register(BatchLoaderRegistry registry, String name,
			BiFunction<Collection<String>, Window, List<T>> read, Function<T, String> wellOf) {
		registry.<WellWindow, List<T>>forName(name).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
			Map<WellWindow, List<T>> loaded = new HashMap<>();
			for (Map.Entry<Window, Set<String>> entry : byWindow(keys).entrySet()) {
				for (String well : entry.getValue()) {
					loaded.put(new WellWindow(well, entry.getKey()), new ArrayList<>());
				}
				for (T row : read.apply(entry.getValue(), entry.getKey())) {
					loaded.get(new WellWindow(wellOf.apply(row), entry.getKey())).add(row);
				}
			}
			return loaded;
		}));
	}

	private static Map<WellWindow, PerformanceSummary> summaries(Set<WellWindow> keys, PerformanceQueries performance) {
		Map<WellWindow, PerformanceSummary> loaded = new HashMap<>();
		for (Map.Entry<Window, Set<String>> entry : byWindow(keys).entrySet()) {
			Window window = entry.getKey();
			for (PerformanceSummary summary : performance.summaries(entry.getValue(), window)) {
				loaded.put(new WellWindow(summary.wellId(), window), summary);
			}
			for (String well : entry.getValue()) {
				loaded.computeIfAbsent(new WellWindow(well, window), k -> empty(well, window));
			}
		}
		return loaded;
	}

	static PerformanceSummary empty(String well, Window window) {
		return new PerformanceSummary(well, OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC),
				OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC), 0, null, null, 0);
	}

	private static Map<Window, Set<String>> byWindow(Set<WellWindow> keys) {
		return keys.stream()
			.collect(Collectors.groupingBy(WellWindow::window, LinkedHashMap::new,
					Collectors.mapping(WellWindow::wellId, Collectors.toCollection(TreeSet::new))));
	}

}
