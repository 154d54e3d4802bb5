package io.wellgate.aggregate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 0006 is a file now ({@code changelog/0006-aggregate-tables.sql}); it was a Liquibase
 * custom change that built the tables from the definitions. A database made the old way (its
 * tables from the custom change's statements as captured in {@code migration/0006-custom-change.sql},
 * and the changelog row the old changeset left) upgrades without re-creating anything, and ends up
 * with the same aggregate tables as a new database.
 */
@SpringBootTest
class AggregateTablesMigrationTests {

	/** The changesets of 0001 to 0005. */
	static final int BEFORE_AGGREGATE_TABLES = 6;

	static final List<String> TABLES = List.of("telemetry_hourly", "telemetry_daily", "well_performance_hourly",
			"diagnostic_summary_daily");

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void aDatabaseMadeByTheCustomChangeUpgradesWithoutRecreatingItsTables() throws Exception {
		String old = database();
		String fresh = database();
		try (Connection upgraded = connect(old); Connection made = connect(fresh)) {
			liquibase(upgraded, BEFORE_AGGREGATE_TABLES);
			JdbcClient before = JdbcClient.create(new SingleConnectionDataSource(upgraded, true));
			before.sql(new ClassPathResource("migration/0006-custom-change.sql").getContentAsString(StandardCharsets.UTF_8))
				.update();
			// The row the old changeset (a customChange in master.yaml) left, as Liquibase 5.0.4 wrote it.
			before.sql("""
					INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,
					                               description, comments, liquibase, deployment_id)
					VALUES ('0006-aggregate-tables', 'wellgate', 'changelog/master.yaml', now(), 7, 'EXECUTED',
					        '9:2f5578c686b06066771c737bb876c50c', 'customChange',
					        'The four aggregate tables, created from their definitions in io.wellgate.aggregate.AggregateDefinitions.',
					        '5.0.4', '0000000000')
					""").update();
			before.sql("INSERT INTO telemetry_hourly (well_id, bucket, samples) VALUES ('kept', '2026-11-20 06:00:00+00', 3)")
				.update();

			liquibase(upgraded, null);
			liquibase(made, null);

			JdbcClient after = JdbcClient.create(new SingleConnectionDataSource(upgraded, true));
			assertThat(after.sql("SELECT samples FROM telemetry_hourly WHERE well_id = 'kept'").query(Long.class).single())
				.isEqualTo(3L);
			assertThat(after.sql("""
					SELECT exectype
					FROM databasechangelog
					WHERE id = '0006-aggregate-tables'
					  AND filename LIKE '%0006-aggregate-tables.sql'
					""").query(String.class).single()).isEqualTo("MARK_RAN");
			JdbcClient other = JdbcClient.create(new SingleConnectionDataSource(made, true));
			assertThat(other.sql("SELECT exectype FROM databasechangelog WHERE id = '0006-aggregate-tables'")
				.query(String.class)
				.list()).containsExactly("EXECUTED");
			List<String> schema = schema(other);
			assertThat(schema).hasSizeGreaterThan(TABLES.size() * 4)
				.anyMatch(line -> line.startsWith("index telemetry_hourly_bucket_idx"))
				.anyMatch(line -> line.startsWith("constraint diagnostic_summary_daily_pkey PRIMARY KEY (well_id, bucket)"));
			assertThat(schema(after)).containsExactlyElementsOf(schema);
		}
		finally {
			drop(old);
			drop(fresh);
		}
	}

	/** The aggregate tables' columns, indexes and constraints, one line each, in a stable order. */
	static List<String> schema(JdbcClient jdbc) {
		List<String> lines = new ArrayList<>();
		lines.addAll(jdbc.sql("""
				SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
				       || ' default ' || coalesce(column_default, '-')
				FROM information_schema.columns
				WHERE table_schema = current_schema()
				  AND table_name = ANY(:tables)
				ORDER BY table_name, ordinal_position
				""").param("tables", TABLES.toArray(String[]::new)).query(String.class).list());
		lines.addAll(jdbc.sql("""
				SELECT 'index ' || indexname || ' ' || indexdef
				FROM pg_indexes
				WHERE schemaname = current_schema()
				  AND tablename = ANY(:tables)
				ORDER BY indexname
				""").param("tables", TABLES.toArray(String[]::new)).query(String.class).list());
		lines.addAll(jdbc.sql("""
				SELECT 'constraint ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
				FROM pg_constraint c
				WHERE c.conrelid::regclass::text = ANY(:tables)
				ORDER BY c.conname
				""").param("tables", TABLES.toArray(String[]::new)).query(String.class).list());
		return lines;
	}

	private String database() {
		String name = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.jdbc.sql("CREATE DATABASE " + name).update();
		return name;
	}

	private void drop(String name) {
		this.jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
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
