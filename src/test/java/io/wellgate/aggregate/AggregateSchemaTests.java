package io.wellgate.aggregate;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate tables the migrations made are the tables the definitions describe: a part added
 * to, removed from or retyped in a definition without a migration fails here, not in production.
 */
@SpringBootTest
class AggregateSchemaTests {

	@Autowired
	AggregateEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAggregateTableHasTheColumnsOfItsDefinition() {
		assertThat(this.engine.definitions()).hasSize(4);
		for (AggregateDefinition definition : this.engine.definitions()) {
			List<String> expected = new ArrayList<>(List.of("well_id text NOT NULL", "bucket timestamp with time zone NOT NULL"));
			definition.parts().forEach(part -> expected.add(part.column() + " " + part.type() + " NULL"));
			List<String> actual = this.jdbc.sql("""
					SELECT column_name || ' ' || data_type || CASE is_nullable WHEN 'NO' THEN ' NOT NULL' ELSE ' NULL' END
					FROM information_schema.columns
					WHERE table_schema = current_schema()
					  AND table_name = :table
					ORDER BY ordinal_position
					""").param("table", definition.name()).query(String.class).list();
			assertThat(actual).as("the columns of %s", definition.name()).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void everyAggregateTableIsKeyedByWellAndBucket() {
		for (AggregateDefinition definition : this.engine.definitions()) {
			assertThat(this.jdbc.sql("""
					SELECT pg_get_constraintdef(c.oid)
					FROM pg_constraint c
					WHERE c.conrelid = CAST(:table AS regclass)
					  AND c.contype = 'p'
					""").param("table", definition.name()).query(String.class).single())
				.as("the key of %s", definition.name())
				.isEqualTo("PRIMARY KEY (well_id, bucket)");
		}
	}

}
