package io.wellgate.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema as Liquibase builds it from empty, and the daily partitions kept ahead.
 */
@SpringBootTest
class PartitionsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Partitions partitions;

	@Test
	void liquibaseBuiltTheSchemaFromItsChangelog() {
		List<String> changes = this.jdbc.sql("SELECT id FROM databasechangelog ORDER BY orderexecuted")
			.query(String.class)
			.list();
		assertThat(changes).startsWith("0001-wells", "0002-telemetry", "0003-diagnostics", "0004-partition-management");
		assertThat(this.jdbc.sql("""
				SELECT c.relname
				FROM pg_class c
				WHERE c.relkind = 'p' AND c.relname IN ('esp_telemetry', 'diagnostic_results')
				ORDER BY c.relname
				""").query(String.class).list()).containsExactly("diagnostic_results", "esp_telemetry");
	}

	@Test
	void partitionsExistAheadOfToday() {
		this.partitions.createAhead();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (String table : Partitions.TABLES) {
			for (LocalDate day = today; !day.isAfter(today.plusDays(7)); day = day.plusDays(1)) {
				assertThat(partitionBounds(table, day)).as(table + " " + day)
					.isEqualTo("FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
			}
		}
	}

	@Test
	void ensuringIsIdempotent() {
		LocalDate day = LocalDate.of(2001, 9, 9);
		assertThat(this.partitions.ensure("esp_telemetry", List.of(day))).isEqualTo(1);
		assertThat(this.partitions.ensure("esp_telemetry", List.of(day))).isZero();
	}

	private String partitionBounds(String table, LocalDate day) {
		return this.jdbc.sql("""
				SELECT pg_get_expr(c.relpartbound, c.oid)
				FROM pg_class c
				WHERE c.relname = :name
				""")
			.param("name", table + "_p" + day.toString().replace("-", ""))
			.query(String.class)
			.optional()
			.orElse("missing");
	}

}
