package io.wellgate.aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Freshness in the actuator: a health contributor {@code aggregates} with each aggregate's status
 * (reads are exact whatever the lag, so a lagging aggregate does not make the service DOWN), and
 * gauges {@code wellgate.aggregate.lag}, {@code .pending} and {@code .refresh.millis} per aggregate.
 */
@Component("aggregates")
class AggregateObservability extends AbstractHealthIndicator implements MeterBinder {

	private final AggregateEngine engine;

	/** One scrape reads every gauge at once: a status read serves the scrape's twelve gauges. */
	private static final long SCRAPE_NANOS = 1_000_000_000L;

	private final AggregateStatuses statuses;

	private volatile Scraped scraped;

	AggregateObservability(AggregateEngine engine, AggregateStatuses statuses) {
		this.engine = engine;
		this.statuses = statuses;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (AggregateStatus status : this.statuses.list()) {
			details.put(status.name(), details(status));
		}
		builder.up().withDetails(details);
	}

	/** One aggregate's health details; what has not happened yet (no refresh) is a JSON null. */
	static Map<String, Object> details(AggregateStatus status) {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("watermark", Objects.toString(status.watermark(), null));
		one.put("lagSeconds", status.lagSeconds());
		one.put("pendingInvalidations", status.pendingInvalidations());
		one.put("lastRefreshAt", Objects.toString(status.lastRefreshAt(), null));
		one.put("lastRefreshMillis", status.lastRefreshMillis());
		one.put("lastRefreshOutcome", status.lastRefreshOutcome());
		return one;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (AggregateDefinition definition : this.engine.definitions()) {
			gauge(registry, "wellgate.aggregate.lag", "seconds", definition.name(), s -> orNaN(s.lagSeconds()));
			gauge(registry, "wellgate.aggregate.pending", "invalidations", definition.name(), s -> s.pendingInvalidations());
			gauge(registry, "wellgate.aggregate.refresh.millis", "milliseconds", definition.name(),
					s -> orNaN(s.lastRefreshMillis()));
		}
	}

	private void gauge(MeterRegistry registry, String name, String unit, String aggregate,
			ToDoubleFunction<AggregateStatus> value) {
		Gauge.builder(name, this, self -> self.scrape()
			.stream()
			.filter(s -> s.name().equals(aggregate))
			.mapToDouble(value)
			.findFirst()
			.orElse(Double.NaN)).baseUnit(unit).tag("aggregate", aggregate).register(registry);
	}

	private List<AggregateStatus> scrape() {
		Scraped last = this.scraped;
		long now = System.nanoTime();
		if (last == null || now - last.at() > SCRAPE_NANOS) {
			last = new Scraped(now, this.statuses.list());
			this.scraped = last;
		}
		return last.statuses();
	}

	private record Scraped(long at, List<AggregateStatus> statuses) {
	}

	private static double orNaN(Double value) {
		return value == null ? Double.NaN : value;
	}

}
