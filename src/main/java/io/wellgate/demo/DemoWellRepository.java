package io.wellgate.demo;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the demo fleet needs of the well registry: whether it is empty, and the demo wells'
 * names, fields and pumps (ingestion registers a well by its id only).
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

	void register(List<DemoWell> wells) {
		for (DemoWell well : wells) {
			this.jdbc.sql("""
					INSERT INTO wells (id, name, field, pump_model)
					VALUES (:id, :name, :field, :pumpModel)
					ON CONFLICT (id) DO UPDATE
					SET name = EXCLUDED.name,
					    field = EXCLUDED.field,
					    pump_model = EXCLUDED.pump_model
					""")
				.param("id", well.id())
				.param("name", well.name())
				.param("field", well.field())
				.param("pumpModel", well.pumpModel())
				.update();
		}
	}

}
