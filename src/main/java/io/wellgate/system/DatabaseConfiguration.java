package io.wellgate.system;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * wellgate's sessions on whatever PostgreSQL it is given: their settings ({@link DatabaseSessions})
 * and, at start, a look at the server's own ({@link ServerSettingsCheck}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	@Bean
	static DatabaseSessions databaseSessions(Environment environment) {
		return new DatabaseSessions(environment);
	}

	@Bean
	ServerSettingsCheck serverSettingsCheck(DataSource dataSource) {
		return new ServerSettingsCheck(dataSource);
	}

}
