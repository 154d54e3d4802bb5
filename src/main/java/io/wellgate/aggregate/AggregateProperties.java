package io.wellgate.aggregate;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The continuous aggregates.
 *
 * @param hourlyRefresh how often the hourly aggregates are refreshed
 * @param dailyRefresh how often the daily aggregates are refreshed
 * @param rawRetention raw rows older than this are dropped, whole daily partitions at a time,
 * once the aggregates they feed are materialized; zero keeps raw rows forever
 * @param aggregateRetention materialized buckets older than this are deleted; zero keeps them
 * @param retentionSchedule when retention runs (cron, UTC)
 * @param breach the thresholds of well_performance_hourly's breach rules
 * @param refreshAfterWrite how soon after a write the aggregates of its table are refreshed (at
 * most one refresh per aggregate in that time, whatever the number of writes); zero leaves it to
 * the schedules
 */
@ConfigurationProperties("wellgate.aggregates")
@Validated
public record AggregateProperties(@DefaultValue("15m") @NotNull Duration hourlyRefresh,
		@DefaultValue("1h") @NotNull Duration dailyRefresh, @DefaultValue("30d") @NotNull Duration rawRetention,
		@DefaultValue("90d") @NotNull Duration aggregateRetention,
		@DefaultValue("0 30 0 * * *") @NotBlank String retentionSchedule, @DefaultValue @Valid Breach breach,
		@DefaultValue("1s") @NotNull Duration refreshAfterWrite) {

	/**
	 * A sample breaches a rule when its metric is strictly beyond the threshold (above, or below
	 * for intake pressure); a null metric never breaches.
	 *
	 * @param vibration g, above
	 * @param motorTemperature °F, above
	 * @param motorCurrent A, above
	 * @param intakePressure psi, below
	 */
	public record Breach(@DefaultValue("0.5") double vibration, @DefaultValue("250") double motorTemperature,
			@DefaultValue("80") double motorCurrent, @DefaultValue("100") double intakePressure) {
	}

}
