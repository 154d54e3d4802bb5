package io.wellgate.live;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import io.wellgate.well.Well;
import io.wellgate.well.WellRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code wellChanged}: a push per changed well (of {@code ids}, or of the fleet), at most one per
 * well per {@code minIntervalMs}, from the change feed. After an outage of the feed every well of
 * the subscription is pushed once, over all time: what changed meanwhile is not known.
 */
@Controller
class WellChangeController {

	/** The earliest time a sample can have; a push after an outage covers everything from it. */
	static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private final Pushes pushes;

	private final WellRepository wells;

	WellChangeController(Pushes pushes, WellRepository wells) {
		this.pushes = pushes;
		this.wells = wells;
	}

	@SubscriptionMapping
	Flux<DataFetcherResult<WellChange>> wellChanged(@Argument List<String> ids, @Argument Integer minIntervalMs,
			DataFetchingEnvironment env) {
		Set<String> wanted = (LiveArguments.ids(ids) == null) ? null : Set.copyOf(ids);
		int interval = LiveArguments.minInterval(minIntervalMs);
		Flux<Pending> events = Flux.create(sink -> {
			Runnable untrack = this.pushes.track(sink);
			Throttle throttle = new Throttle(interval, this.pushes.timer, this.pushes.coalesced,
					(change, at) -> sink.next(new Pending(change, at)));
			Runnable stop = this.pushes.feed.listen(batch -> offer(batch, wanted, throttle, sink));
			sink.onDispose(() -> {
				untrack.run();
				stop.run();
				throttle.close();
			});
		}, FluxSink.OverflowStrategy.BUFFER);
		return this.pushes.resolve(events, env, (pending, now) -> {
			Change change = pending.change();
			OffsetDateTime at = utc(pending.committedAt());
			Instant from = (change.from() != null) ? change.from() : pending.committedAt();
			Instant to = (change.to() != null) ? change.to() : pending.committedAt();
			return new WellChange(change.wellId(), utc(from), utc(to), at);
		});
	}

	@SchemaMapping(typeName = "WellChange")
	Well well(WellChange change) {
		return this.wells.findById(change.wellId()).orElseGet(() -> Well.unregistered(change.wellId()));
	}

	private void offer(ChangeBatch batch, Set<String> wanted, Throttle throttle, FluxSink<Pending> sink) {
		if (batch.everything()) {
			Instant until = batch.committedAt().plusSeconds(3600);
			if (wanted != null) {
				wanted.forEach(id -> throttle.offer(new Change("*", id, EARLIEST, until), batch.committedAt()));
			}
			else {
				// The registry is read off the feed's thread.
				this.pushes.timer.execute(() -> everyWell(id -> throttle.offer(new Change("*", id, EARLIEST, until),
						batch.committedAt())));
			}
			return;
		}
		Map<String, Change> byWell = new LinkedHashMap<>();
		for (Change change : batch.changes()) {
			if (wanted == null || wanted.contains(change.wellId())) {
				byWell.merge(change.wellId(), change, Change::merge);
			}
		}
		byWell.values().forEach(change -> throttle.offer(change, batch.committedAt()));
	}

	private void everyWell(java.util.function.Consumer<String> each) {
		String after = null;
		while (true) {
			List<Well> page = this.wells.page(after, 1000);
			page.forEach(well -> each.accept(well.id()));
			if (page.size() < 1000) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private record Pending(Change change, Instant committedAt) {
	}

}
