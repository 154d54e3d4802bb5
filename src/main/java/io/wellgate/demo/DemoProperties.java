package io.wellgate.demo;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo fleet.
 *
 * @param enabled whether it is loaded and streamed; unset means on for an empty embedded database
 * @param wells how many wells it has
 * @param days days of history loaded before it streams
 * @param streamInterval how often it sends a sample of every well
 */
@ConfigurationProperties("wellgate.demo")
@Validated
record DemoProperties(Boolean enabled, @DefaultValue("12") @Min(1) int wells, @DefaultValue("30") @Min(0) int days,
		@DefaultValue("10s") @NotNull Duration streamInterval) {
}
