package io.wellgate.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the demo fleet needs of the well registry: whether it is empty (it registers its wells
 * through the registry's write path).
 */
@Repository
class DemoWellRepository {

	private final JdbcClient jdbc;

	DemoWellRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean isEmpty() {
		return this.jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM wells)
				""").query(Boolean.class).single();
	}

}
