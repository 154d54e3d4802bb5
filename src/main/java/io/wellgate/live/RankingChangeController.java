package io.wellgate.live;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import io.wellgate.access.FieldScope;
import io.wellgate.analytics.PerformanceQueries;
import io.wellgate.analytics.RankBy;
import io.wellgate.analytics.WellRank;
import io.wellgate.analytics.Window;
import io.wellgate.analytics.Windows;
import io.wellgate.well.Well;
import io.wellgate.well.WellRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import io.wellgate.error.Arguments;

/**
 * {@code wellRankingChanged}: the ranking at once, then again whenever a change reaches into its
 * window (the hourly buckets of the last {@code hours}) and when an hour starts (a bucket leaves
 * the window), at most once per {@code minIntervalMs}.
 */
@Controller
class RankingChangeController {

	private static final String RANKING = "ranking";

	private final Pushes pushes;

	private final PerformanceQueries performance;

	private final WellRepository wells;

	RankingChangeController(Pushes pushes, PerformanceQueries performance, WellRepository wells) {
		this.pushes = pushes;
		this.performance = performance;
		this.wells = wells;
	}

	@SubscriptionMapping
	Flux<DataFetcherResult<List<WellRank>>> wellRankingChanged(@Argument RankBy by, @Argument Integer hours,
			@Argument Integer limit, @Argument Integer minIntervalMs, DataFetchingEnvironment env) {
		int size = Arguments.limit("hours", hours, 2160);
		int max = Arguments.limit("limit", limit, 1000);
		int interval = LiveArguments.minInterval(minIntervalMs);
		boolean withWells = env.getSelectionSet().contains("well");
		// Ranked within what the subscriber may see, as the query is.
		FieldScope scope = FieldScope.of(env);
		Flux<Boolean> events = Flux.create(sink -> {
			Runnable untrack = this.pushes.track(sink);
			Throttle throttle = new Throttle(interval, this.pushes.timer, this.pushes.coalesced, (change, at) -> sink.next(true));
			Runnable stop = this.pushes.feed.listen(batch -> {
				Instant windowStart = this.pushes.clock.instant().minus(size, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
				boolean inWindow = batch.everything() || batch.changes()
					.stream()
					.anyMatch(change -> change.to() == null || !change.to().isBefore(windowStart));
				if (inWindow) {
					throttle.offer(new Change("*", RANKING, null, null), batch.committedAt());
				}
			});
			// The window also moves: when an hour starts, its oldest bucket leaves it.
			Instant now = this.pushes.clock.instant();
			long untilNextHour = Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS)).toMillis();
			ScheduledFuture<?> hourly = this.pushes.timer.scheduleAtFixedRate(
					() -> throttle.offer(new Change("*", RANKING, null, null), this.pushes.clock.instant()), untilNextHour,
					Duration.ofHours(1).toMillis(), TimeUnit.MILLISECONDS);
			sink.onDispose(() -> {
				untrack.run();
				stop.run();
				hourly.cancel(false);
				throttle.close();
			});
			throttle.offer(new Change("*", RANKING, null, null), now);
		}, FluxSink.OverflowStrategy.LATEST);
		return this.pushes.resolve(events, env, (event, now) -> rank(by, max, new Window(now.minus(Duration.ofHours(size)), now), withWells,
				scope));
	}

	private List<WellRank> rank(RankBy by, int limit, Window window, boolean withWells, FieldScope scope) {
		List<WellRank> ranks = WellRank.rank(this.performance.summaries(this.wells.visibleIds(scope), window), by, limit);
		if (!withWells) {
			return ranks;
		}
		Map<String, Well> known = this.wells.mapById(ranks.stream().map(WellRank::wellId).toList(), scope);
		return ranks.stream()
			.map(rank -> rank.of(known.getOrDefault(rank.wellId(), Well.unregistered(rank.wellId()))))
			.toList();
	}

}
