package io.wellgate.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wellgate.ingest.TableWritten;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The refresh and retention schedules: hourly aggregates every 15 minutes and daily ones every
 * hour by default, each starting as soon as the service is ready; and a refresh of each aggregate
 * of a table shortly after a write to it.
 * <p>
 * Why after writes: the field sends a batch of the whole fleet every minute, so between scheduled
 * refreshes every well's newest bucket is pending, and every read recomputes each of them from raw
 * rows (a fleet ranking: every well's open hour, per read). A refresh does that once per batch
 * instead of once per read, for about what one such read costs.
 */
@Component
class AggregatePolicies {

	private static final Logger log = LoggerFactory.getLogger(AggregatePolicies.class);

	private final AggregateEngine engine;

	private final AggregateRetention retention;

	private final TaskScheduler scheduler;

	private final AggregateProperties settings;

	// Aggregates with a refresh after a write already scheduled: writes until it starts add nothing.
	private final Set<AggregateName> queued = ConcurrentHashMap.newKeySet();

	AggregatePolicies(AggregateEngine engine, AggregateRetention retention, TaskScheduler scheduler,
			AggregateProperties properties) {
		this.engine = engine;
		this.retention = retention;
		this.scheduler = scheduler;
		this.settings = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		for (AggregateDefinition definition : this.engine.definitions()) {
			Duration every = definition.width().compareTo(Duration.ofDays(1)) < 0 ? this.settings.hourlyRefresh()
					: this.settings.dailyRefresh();
			if (every.isZero()) {
				continue;
			}
			this.scheduler.scheduleWithFixedDelay(() -> refresh(definition.aggregate()), Instant.now().plusSeconds(1), every);
		}
		this.scheduler.schedule(this::retention, new CronTrigger(this.settings.retentionSchedule(), ZoneOffset.UTC));
	}

	@EventListener
	void written(TableWritten write) {
		if (this.settings.refreshAfterWrite().isZero()) {
			return;
		}
		for (AggregateDefinition definition : this.engine.definitions()) {
			if (definition.source().equals(write.table())) {
				queueRefresh(definition.aggregate());
			}
		}
	}

	private void queueRefresh(AggregateName name) {
		if (this.queued.add(name)) {
			this.scheduler.schedule(() -> {
				// Off the queue before it runs: a write committed while it runs may be past its snapshot.
				this.queued.remove(name);
				if (!refresh(name)) {
					// Another refresh held the aggregate, and may have started before the write committed.
					queueRefresh(name);
				}
			}, Instant.now().plus(this.settings.refreshAfterWrite()));
		}
	}

	/** Whether the refresh ran (false: another one held the aggregate, or it failed). */
	private boolean refresh(AggregateName name) {
		try {
			return this.engine.refresh(name, null, null).ran();
		}
		catch (RuntimeException ex) {
			// Logged and recorded in the aggregate's status by the engine; the next run retries.
			return true;
		}
	}

	void retention() {
		try {
			this.retention.apply();
		}
		catch (RuntimeException ex) {
			log.error("Retention failed; the next run retries", ex);
		}
	}

}
