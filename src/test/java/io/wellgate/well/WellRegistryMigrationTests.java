package io.wellgate.well;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase migrates a database made before the well registry: a new database is brought to the
 * changesets before 0007, given wells and samples, then updated; each well's span of samples is
 * filled from its samples and nothing else changes.
 */
@SpringBootTest
class WellRegistryMigrationTests {

	/** The changesets of 0001 to 0006. */
	static final int BEFORE_REGISTRY = 7;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void anExistingDatabaseGetsItsWellsSpansFromTheirSamples() throws Exception {
		String name = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.jdbc.sql("CREATE DATABASE " + name).update();
		try (Connection connection = connect(name)) {
			liquibase(connection, BEFORE_REGISTRY);
			JdbcClient old = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			old.sql("SELECT wellgate_ensure_daily_partitions('esp_telemetry', ARRAY[DATE '2026-11-20', DATE '2026-11-22'])")
				.query()
				.listOfRows();
			old.sql("INSERT INTO wells (id, name, field) VALUES ('old-1', 'Old 1H', 'Permian'), ('old-2', NULL, NULL)")
				.update();
			old.sql("""
					INSERT INTO esp_telemetry (well_id, time, flow_rate)
					VALUES ('old-1', '2026-11-22 08:00:00+00', 1),
					       ('old-1', '2026-11-20 06:30:00+00', 2),
					       ('old-1', '2026-11-22 09:15:00+00', 3)
					""").update();

			liquibase(connection, null);

			Map<String, Object> migrated = old.sql("""
					SELECT name, field, first_sample_at, last_sample_at, installed_at
					FROM wells
					WHERE id = 'old-1'
					""").query().singleRow();
			assertThat(migrated).containsEntry("name", "Old 1H").containsEntry("field", "Permian")
				.containsEntry("installed_at", null);
			assertThat(instant(migrated.get("first_sample_at"))).isEqualTo("2026-11-20T06:30:00Z");
			assertThat(instant(migrated.get("last_sample_at"))).isEqualTo("2026-11-22T09:15:00Z");
			assertThat(old.sql("SELECT last_sample_at FROM wells WHERE id = 'old-2'").query().singleRow())
				.containsEntry("last_sample_at", null);
			assertThat(old.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'wells_field_idx'")
				.query(Integer.class).single()).isEqualTo(1);
		}
		finally {
			this.jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
		}
	}

	private static String instant(Object value) {
		return ((java.sql.Timestamp) value).toInstant().toString();
	}

	/** Applies the first {@code count} changesets of the changelog, or all of them. */
	private static void liquibase(Connection connection, Integer count) throws Exception {
		Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
		CommandScope update = (count == null) ? new CommandScope(UpdateCommandStep.COMMAND_NAME)
				: new CommandScope(UpdateCountCommandStep.COMMAND_NAME).addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count);
		update.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
			.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "changelog/master.yaml")
			.execute();
	}

	private Connection connect(String name) throws SQLException {
		String url;
		String user;
		try (Connection main = this.dataSource.getConnection()) {
			url = main.getMetaData().getURL();
			user = main.getMetaData().getUserName();
		}
		String other = url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
		return DriverManager.getConnection(other, user, this.environment.getProperty("spring.datasource.password"));
	}

}
