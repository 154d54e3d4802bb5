package io.wellgate.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process PostgreSQL used when no {@code spring.datasource.url} is configured. Its pool
 * takes the {@code spring.datasource.hikari.*} settings, as a configured server's does.
 *
 * @param dataDir where it keeps its data; blank for a throw-away directory (tests)
 * @param port its port; 0 picks a free one
 * @param enabled false when the database comes from elsewhere without a URL property (a
 * Testcontainers {@code @ServiceConnection})
 */
@ConfigurationProperties("wellgate.embedded")
@Validated
public record EmbeddedProperties(@DefaultValue("./.wellgate/pgdata") @NotNull String dataDir,
		@DefaultValue("0") @Min(0) @Max(65535) int port, @DefaultValue("true") boolean enabled) {
}
