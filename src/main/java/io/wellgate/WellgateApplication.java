package io.wellgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * wellgate: a GraphQL analytics gateway for ESP well telemetry, backed by PostgreSQL and
 * continuous aggregates.
 */
// Writes authenticate with API keys (system.SecurityConfiguration); there are no users or passwords.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class WellgateApplication {

	public static void main(String[] args) {
		SpringApplication.run(WellgateApplication.class, args);
	}

}
