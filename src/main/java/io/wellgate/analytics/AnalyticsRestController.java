package io.wellgate.analytics;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.wellgate.access.FieldScope;
import io.wellgate.well.Well;
import io.wellgate.well.WellRepository;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import io.wellgate.error.BadArgumentException;
import io.wellgate.error.Arguments;

/**
 * The seven analytics calls of the platforms wellgate replaces, as REST under
 * {@code /api/v1/analytics}: a thin layer over the query classes the GraphQL fields read, with
 * the same windows and limits, so the same numbers. Errors are RFC 9457 problem documents: 400
 * naming the parameter, 404 for an unknown well.
 */
@RestController
@RequestMapping(path = "/api/v1/analytics", produces = "application/json")
@Tag(name = "Analytics", description = "The dashboards' seven reads; the same numbers as the GraphQL API.")
@ApiResponse(responseCode = "400", description = "A parameter outside its range; the problem's 'parameter' names it.",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class AnalyticsRestController {

	private static final int MAX_WELLS = 1000;

	private final Windows windows;

	private final TelemetryQueries telemetry;

	private final PerformanceQueries performance;

	private final DiagnosticQueries diagnostics;

	private final WellRepository wells;

	AnalyticsRestController(Windows windows, TelemetryQueries telemetry, PerformanceQueries performance,
			DiagnosticQueries diagnostics, WellRepository wells) {
		this.windows = windows;
		this.telemetry = telemetry;
		this.performance = performance;
		this.diagnostics = diagnostics;
		this.wells = wells;
	}

	@GetMapping("/wells/{well_id}/hourly")
	@Operation(summary = "A well's hourly telemetry buckets (as Well.hourly)")
	@ApiResponse(responseCode = "200", description = "Buckets ordered by start")
	@ApiResponse(responseCode = "404", description = "No such well", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<HourlyBucket> hourly(@PathVariable("well_id") String wellId,
			@Parameter(description = "Window size ending now, 1..2160") @RequestParam(defaultValue = "24") Integer hours,
			@Parameter(description = "Window start (inclusive), RFC 3339; with to, instead of hours") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@Parameter(description = "Window end (exclusive), RFC 3339") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		Window window = this.windows.hours(hours, from, to, this.windows.now());
		return this.telemetry.hourly(List.of(known(wellId)), window);
	}

	@GetMapping("/wells/{well_id}/daily")
	@Operation(summary = "A well's daily statistics (as Well.daily)")
	@ApiResponse(responseCode = "200", description = "UTC days in order")
	@ApiResponse(responseCode = "404", description = "No such well", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<DailyStats> daily(@PathVariable("well_id") String wellId,
			@Parameter(description = "Window size in days ending now, 1..90") @RequestParam(defaultValue = "30") Integer days,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		Window window = this.windows.days(days, from, to, this.windows.now());
		return this.telemetry.daily(List.of(known(wellId)), window);
	}

	@GetMapping("/wells/{well_id}/performance")
	@Operation(summary = "A well's hourly efficiency and health (as Well.performance)")
	@ApiResponse(responseCode = "200", description = "Hours in order")
	@ApiResponse(responseCode = "404", description = "No such well", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<Performance> performance(@PathVariable("well_id") String wellId,
			@Parameter(description = "Window size ending now, 1..2160") @RequestParam(defaultValue = "24") Integer hours,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		Window window = this.windows.hours(hours, from, to, this.windows.now());
		return this.performance.hourly(List.of(known(wellId)), window);
	}

	@GetMapping("/diagnostics/summary")
	@Operation(summary = "The fleet's daily diagnostic summaries (as diagnosticSummary)")
	@ApiResponse(responseCode = "200", description = "Ordered by day, then well id")
	List<DiagnosticSummary> diagnosticSummary(
			@Parameter(description = "Window size in days ending now, 1..90") @RequestParam(defaultValue = "7") Integer days,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@Parameter(description = "Only this oil field's wells") @RequestParam(required = false) String field) {
		Window window = this.windows.days(days, from, to, this.windows.now());
		FieldScope scope = FieldScope.current();
		return this.diagnostics.daily((field == null) ? this.wells.visibleIds(scope) : this.wells.idsOfField(field, scope),
				window);
	}

	@GetMapping("/wells/performance/all")
	@Operation(summary = "Every well's performance summary over the window (as wells { performanceSummary })",
			description = "The first 1,000 wells in id order (GraphQL pages further with wells(first, after)).")
	@ApiResponse(responseCode = "200", description = "Wells in id order; a well without samples has samples 0")
	List<WellPerformance> allPerformance(
			@Parameter(description = "Window size ending now, 1..2160") @RequestParam(defaultValue = "24") Integer hours,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@Parameter(description = "Only this oil field's wells") @RequestParam(required = false) String field) {
		Window window = this.windows.hours(hours, from, to, this.windows.now());
		FieldScope scope = FieldScope.current();
		List<Well> page = (field == null) ? this.wells.page(null, MAX_WELLS, scope)
				: this.wells.pageOfField(field, null, MAX_WELLS, scope);
		Map<String, PerformanceSummary> summaries = this.performance
			.summaries(page.stream().map(Well::id).toList(), window)
			.stream()
			.collect(Collectors.toMap(PerformanceSummary::wellId, Function.identity()));
		return page.stream()
			.map(well -> new WellPerformance(well.id(), well.name(), well.field(),
					summaries.getOrDefault(well.id(), WellAnalyticsController.empty(well.id(), window))))
			.toList();
	}

	@GetMapping("/wells/ranking/efficiency")
	@Operation(summary = "Wells ranked by efficiency over the window (as wellRanking(by: EFFICIENCY))")
	@ApiResponse(responseCode = "200", description = "Best first: score descending, nulls last, then id")
	List<RankedWell> efficiencyRanking(
			@Parameter(description = "Window size ending now, 1..2160") @RequestParam(defaultValue = "24") Integer hours,
			@Parameter(description = "How many wells, 1..1000") @RequestParam(defaultValue = "50") Integer limit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@Parameter(description = "Only this oil field's wells") @RequestParam(required = false) String field) {
		return ranking(RankBy.EFFICIENCY, hours, limit, from, to, field);
	}

	@GetMapping("/wells/ranking/health")
	@Operation(summary = "Wells ranked by health over the window (as wellRanking(by: HEALTH))")
	@ApiResponse(responseCode = "200", description = "Best first: score descending, nulls last, then id")
	List<RankedWell> healthRanking(
			@Parameter(description = "Window size ending now, 1..2160") @RequestParam(defaultValue = "24") Integer hours,
			@Parameter(description = "How many wells, 1..1000") @RequestParam(defaultValue = "50") Integer limit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@Parameter(description = "Only this oil field's wells") @RequestParam(required = false) String field) {
		return ranking(RankBy.HEALTH, hours, limit, from, to, field);
	}

	private List<RankedWell> ranking(RankBy by, Integer hours, Integer limit, OffsetDateTime from, OffsetDateTime to,
			String field) {
		int max = Arguments.limit("limit", limit, 1000);
		Window window = this.windows.hours(hours, from, to, this.windows.now());
		// Ranked within what the caller may see, as wellRanking is.
		FieldScope scope = FieldScope.current();
		List<String> within = (field == null) ? this.wells.visibleIds(scope) : this.wells.idsOfField(field, scope);
		List<WellRank> ranks = WellRank.rank(this.performance.summaries(within, window), by, max);
		Map<String, Well> known = this.wells.mapById(ranks.stream().map(WellRank::wellId).toList(), scope);
		return ranks.stream().map(rank -> {
			Well well = known.getOrDefault(rank.wellId(), Well.unregistered(rank.wellId()));
			return new RankedWell(rank.rank(), rank.wellId(), well.name(), well.field(), rank.score(), rank.summary());
		}).toList();
	}

	private String known(String wellId) {
		// A well outside the caller's fields is unknown to it.
		if (this.wells.findById(wellId, FieldScope.current()).isEmpty()) {
			throw new UnknownWellException(wellId);
		}
		return wellId;
	}

	@ExceptionHandler
	ProblemDetail badArgument(BadArgumentException ex) {
		return badParameter(ex.argument(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badType(MethodArgumentTypeMismatchException ex) {
		String expected = (ex.getRequiredType() == OffsetDateTime.class) ? "an RFC 3339 date-time such as 2026-01-31T12:00:00Z"
				: "an integer";
		return badParameter(ex.getName(), ex.getName() + ": must be " + expected + ", got '" + ex.getValue() + "'");
	}

	@ExceptionHandler
	ProblemDetail unknownWell(UnknownWellException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown well");
		problem.setType(URI.create("urn:wellgate:problem:unknown-well"));
		return problem;
	}

	private static ProblemDetail badParameter(String parameter, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Bad parameter");
		problem.setType(URI.create("urn:wellgate:problem:bad-parameter"));
		problem.setProperty("parameter", parameter);
		return problem;
	}

	/** One well's summary in {@code /wells/performance/all}. */
	record WellPerformance(String wellId, String name, String field, PerformanceSummary summary) {
	}

	/** One row of a ranking. */
	record RankedWell(int rank, String wellId, String name, String field, Double score, PerformanceSummary summary) {
	}

	/** A path naming a well the registry does not know. */
	static class UnknownWellException extends RuntimeException {

		UnknownWellException(String wellId) {
			super("No well '" + wellId + "' is known");
		}

	}

}
