package io.wellgate.well;

import java.sql.Types;
import java.util.Collection;
import java.util.List;

import io.wellgate.access.FieldScope;

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

	/**
	 * Every field with at least one well that the caller may see, by name: a field is in a scope
	 * whole or not at all, so its summary and pages need no further filter.
	 */
	List<OilField> all(FieldScope scope) {
		return scope.bind(this.jdbc.sql("""
				SELECT field AS name, count(*) AS well_count
				FROM wells
				WHERE field IS NOT NULL
				  AND %s
				GROUP BY field
				ORDER BY field
				""".formatted(FieldScope.VISIBLE))).query(OilField.class).list();
	}

	/**
	 * Up to {@code limit} wells of each of {@code fields} after {@code after} (or from the first),
	 * in field and id order.
	 */
	List<Well> pages(Collection<String> fields, String after, int limit) {
		return this.jdbc.sql("""
				SELECT s.id, s.name, s.field, s.pump_model, s.installed_at, s.first_sample_at, s.last_sample_at
				FROM (
				    SELECT w.id, w.field, row_number() OVER (PARTITION BY w.field ORDER BY w.id) AS n
				    FROM wells w
				    WHERE w.field = ANY(:fields)
				      AND w.id > coalesce(CAST(:after AS text), '')
				) p
				JOIN wells_with_spans s ON s.id = p.id
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
