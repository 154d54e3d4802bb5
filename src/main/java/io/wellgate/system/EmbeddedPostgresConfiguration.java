package io.wellgate.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL in-process when no {@code spring.datasource.url} is configured (and
 * {@code wellgate.embedded.enabled} is not false), so that
 * {@code ./mvnw spring-boot:run} works on a machine with only a JDK. A configured URL always
 * wins: then this configuration does nothing and Spring Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedProperties.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "release")
	EmbeddedDatabase embeddedDatabase(EmbeddedProperties properties) {
		return EmbeddedDatabase.acquire(properties);
	}

	// spring.datasource.hikari.* is bound onto this pool as onto a configured server's; what is set
	// here is the embedded server's default, which a configured setting overrides.
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setPoolName("wellgate-embedded");
		dataSource.setMaximumPoolSize(12);
		// Connections beyond these are opened under load and closed again when idle: an embedded
		// server is shared by every context of a JVM (a test suite starts several).
		dataSource.setMinimumIdle(2);
		// Each session's settings come from DatabaseSessions, as for a configured server's pool.
		return dataSource;
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			// A @ServiceConnection's database has no URL property, and its connection details are
			// registered after this condition is evaluated: its configuration switches this off by name.
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
					&& context.getEnvironment().getProperty("wellgate.embedded.enabled", Boolean.class, true);
		}

	}

	/**
	 * One running server per data directory and JVM, shared by every application context that
	 * asks for it (tests start several contexts; they must not start several servers) and
	 * stopped when the last one is closed.
	 */
	static final class EmbeddedDatabase {

		private static final Map<String, EmbeddedDatabase> running = new HashMap<>();

		private final String key;

		private final EmbeddedPostgres postgres;

		private int users;

		private EmbeddedDatabase(String key, EmbeddedPostgres postgres) {
			this.key = key;
			this.postgres = postgres;
		}

		static synchronized EmbeddedDatabase acquire(EmbeddedProperties settings) {
			String key = settings.dataDir().isBlank() ? "" : Path.of(settings.dataDir()).toAbsolutePath().normalize().toString();
			EmbeddedDatabase database = running.computeIfAbsent(key, k -> start(k, settings.port()));
			database.users++;
			return database;
		}

		private static EmbeddedDatabase start(String dataDir, int port) {
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "200")
					.setServerConfig("shared_buffers", "256MB")
					.setServerConfig("work_mem", "32MB")
					.setServerConfig("maintenance_work_mem", "256MB")
					.setServerConfig("max_wal_size", "4GB")
					.setServerConfig("max_locks_per_transaction", "1024")
					.setServerConfig("temp_buffers", "64MB");
				if (port > 0) {
					builder.setPort(port);
				}
				if (!dataDir.isEmpty()) {
					Path dir = Path.of(dataDir);
					Files.createDirectories(dir);
					// Spring stops this server when it closes the context, after the last write; zonky's
					// own JVM hook would stop it in parallel with that and cut in-flight writes.
					builder.setDataDirectory(dir).setCleanDataDirectory(false).setRegisterShutdownHook(false);
					// zonky turns both off for throw-away test databases; a kept database must be durable
					// before a write is acknowledged.
					builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
					// After a crash PostgreSQL replays its WAL before it accepts connections.
					builder.setPGStartupWait(Duration.ofMinutes(5));
				}
				EmbeddedPostgres postgres = builder.start();
				log.info("Embedded PostgreSQL started on port {}, data in {}", postgres.getPort(),
						dataDir.isEmpty() ? "a temporary directory" : dataDir);
				return new EmbeddedDatabase(dataDir, postgres);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start the embedded PostgreSQL in '" + dataDir + "'", ex);
			}
		}

		String jdbcUrl() {
			return this.postgres.getJdbcUrl("postgres", "postgres");
		}

		void release() throws IOException {
			synchronized (EmbeddedDatabase.class) {
				if (--this.users == 0) {
					running.remove(this.key);
					this.postgres.close();
				}
			}
		}

	}

}
