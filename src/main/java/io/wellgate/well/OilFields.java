package io.wellgate.well;

import java.sql.Types;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the oil fields, batched: the list of fields, and pages of many fields' wells in one
 * statement.
 */
@Repository
class OilFields {

	private final JdbcClient jdbc;

	OilFields(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every field with at least one well, by name. */
	List<OilField> all() {
		return this.jdbc.sql("""
				SELECT field AS name, count(*) AS well_count
				FROM wells
				WHERE field IS NOT NULL
				GROUP BY field
				ORDER BY field
				""").query(OilField.class).list();
	}

	/**
	 * Up to {@code limit} wells of each of {@code fields} after {@code after} (or from the first),
	 * in field and id order.
	 */
	List<Well> pages(Collection<String> fields, String after, int limit) {
		return this.jdbc.sql("""
				SELECT p.id, p.name, p.field, p.pump_model, p.installed_at, p.first_sample_at, p.last_sample_at
				FROM (
				    SELECT w.*, row_number() OVER (PARTITION BY w.field ORDER BY w.id) AS n
				    FROM wells w
				    WHERE w.field = ANY(:fields)
				      AND w.id > coalesce(CAST(:after AS text), '')
				) p
				WHERE p.n <= :limit
				ORDER BY p.field, p.id
				""")
			.param("fields", fields.toArray(String[]::new))
			.param("after", after, Types.VARCHAR)
			.param("limit", limit)
			.query(Well.class)
			.list();
	}

}
