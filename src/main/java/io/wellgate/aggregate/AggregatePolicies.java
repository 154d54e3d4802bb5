package io.wellgate.aggregate;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wellgate.system.WellgateProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The refresh and retention schedules: hourly aggregates every 15 minutes and daily ones every
 * hour by default, each starting as soon as the service is ready.
 */
@Component
class AggregatePolicies {

	private static final Logger log = LoggerFactory.getLogger(AggregatePolicies.class);

	private final AggregateEngine engine;

	private final AggregateRetention retention;

	private final TaskScheduler scheduler;

	private final WellgateProperties.Aggregates settings;

	AggregatePolicies(AggregateEngine engine, AggregateRetention retention, TaskScheduler scheduler,
			WellgateProperties properties) {
		this.engine = engine;
		this.retention = retention;
		this.scheduler = scheduler;
		this.settings = properties.aggregates();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		for (AggregateDefinition definition : this.engine.definitions()) {
			Duration every = definition.width().compareTo(Duration.ofDays(1)) < 0 ? this.settings.hourlyRefresh()
					: this.settings.dailyRefresh();
			if (every.isZero()) {
				continue;
			}
			this.scheduler.scheduleWithFixedDelay(() -> refresh(definition.name()), Instant.now().plusSeconds(1), every);
		}
	}

	private void refresh(String name) {
		try {
			this.engine.refresh(name, null, null);
		}
		catch (RuntimeException ex) {
			// Logged and recorded in the aggregate's status by the engine; the next run retries.
		}
	}

	@Scheduled(cron = "${wellgate.aggregates.retention-schedule:0 30 0 * * *}", zone = "UTC")
	void retention() {
		try {
			this.retention.apply();
		}
		catch (RuntimeException ex) {
			log.error("Retention failed; the next run retries", ex);
		}
	}

}
