package io.wellgate.well;

import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link WellReads} through {@code JdbcClient}: rows map straight onto the {@link Well} record.
 */
class WellReadsImpl implements WellReads {

	private static final String COLUMNS = "id, name, field, pump_model, installed_at, first_sample_at, last_sample_at";

	private final JdbcClient jdbc;

	WellReadsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Well> mapById(Collection<String> ids) {
		return this.jdbc.sql("""
				SELECT %s
				FROM wells
				WHERE id = ANY(:ids)
				""".formatted(COLUMNS))
			.param("ids", ids.toArray(String[]::new))
			.query(Well.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Well::id, Function.identity()));
	}

	@Override
	public List<Well> page(String after, int limit) {
		return this.jdbc.sql("""
				SELECT %s
				FROM wells
				WHERE id > coalesce(:after, '')
				ORDER BY id
				LIMIT :limit
				""".formatted(COLUMNS)).param("after", after, Types.VARCHAR).param("limit", limit).query(Well.class).list();
	}

	@Override
	public List<Well> pageOfField(String field, String after, int limit) {
		return this.jdbc.sql("""
				SELECT %s
				FROM wells
				WHERE field = :field
				  AND id > coalesce(:after, '')
				ORDER BY id
				LIMIT :limit
				""".formatted(COLUMNS))
			.param("field", field)
			.param("after", after, Types.VARCHAR)
			.param("limit", limit)
			.query(Well.class)
			.list();
	}

	@Override
	public List<String> idsOfField(String field) {
		return this.jdbc.sql("""
				SELECT id
				FROM wells
				WHERE field = :field
				""").param("field", field).query(String.class).list();
	}

}
