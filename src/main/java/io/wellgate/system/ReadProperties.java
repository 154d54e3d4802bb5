package io.wellgate.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many reads the service computes at once.
 *
 * @param maxConcurrent GraphQL and analytics requests served at once (more wait their turn, in
 * order); unset: four per processor; {@code 0}: no limit. Bulk writes never wait for it.
 * @param queueTimeout how long a request waits for its turn before it gets {@code 503}
 */
@ConfigurationProperties("wellgate.reads")
@Validated
public record ReadProperties(@PositiveOrZero Integer maxConcurrent, @DefaultValue("10s") @NotNull Duration queueTimeout) {

	/** The limit in force: {@code 0} for none. */
	int limit() {
		return (this.maxConcurrent == null) ? 4 * Runtime.getRuntime().availableProcessors() : this.maxConcurrent;
	}

}
