package io.wellgate.well;

import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.wellgate.access.FieldScope;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link WellReads} through {@code JdbcClient}: rows map straight onto the {@link Well} record,
 * and every statement carries {@link FieldScope#VISIBLE}. Wells are read with their span of
 * samples from {@code wells_with_spans} (migration 0014), their ids alone from {@code wells}.
 */
class WellReadsImpl implements WellReads {

	private static final String COLUMNS = "id, name, field, pump_model, installed_at, first_sample_at, last_sample_at";

	private final JdbcClient jdbc;

	WellReadsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Well> findById(String id, FieldScope scope) {
		return scope.bind(this.jdbc.sql("""
				SELECT %s
				FROM wells_with_spans
				WHERE id = :id
				  AND %s
				""".formatted(COLUMNS, FieldScope.VISIBLE)).param("id", id)).query(Well.class).optional();
	}

	@Override
	public Map<String, Well> mapById(Collection<String> ids, FieldScope scope) {
		return scope.bind(this.jdbc.sql("""
				SELECT %s
				FROM wells_with_spans
				WHERE id = ANY(:ids)
				  AND %s
				""".formatted(COLUMNS, FieldScope.VISIBLE)).param("ids", ids.toArray(String[]::new)))
			.query(Well.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Well::id, Function.identity()));
	}

	@Override
	public List<Well> page(String after, int limit, FieldScope scope) {
		return scope.bind(this.jdbc.sql("""
				SELECT %s
				FROM wells_with_spans
				WHERE id > coalesce(:after, '')
				  AND %s
				ORDER BY id
				LIMIT :limit
				""".formatted(COLUMNS, FieldScope.VISIBLE)).param("after", after, Types.VARCHAR).param("limit", limit))
			.query(Well.class)
			.list();
	}

	@Override
	public List<Well> pageOfField(String field, String after, int limit, FieldScope scope) {
		return scope.bind(this.jdbc.sql("""
				SELECT %s
				FROM wells_with_spans
				WHERE field = :field
				  AND id > coalesce(:after, '')
				  AND %s
				ORDER BY id
				LIMIT :limit
				""".formatted(COLUMNS, FieldScope.VISIBLE))
			.param("field", field)
			.param("after", after, Types.VARCHAR)
			.param("limit", limit))
			.query(Well.class)
			.list();
	}

	@Override
	public List<String> idsOfField(String field, FieldScope scope) {
		return scope.bind(this.jdbc.sql("""
				SELECT id
				FROM wells
				WHERE field = :field
				  AND %s
				""".formatted(FieldScope.VISIBLE)).param("field", field)).query(String.class).list();
	}

	@Override
	public List<String> visibleIds(FieldScope scope) {
		if (scope.unrestricted()) {
			return null;
		}
		return scope.bind(this.jdbc.sql("""
				SELECT id
				FROM wells
				WHERE %s
				ORDER BY id
				""".formatted(FieldScope.VISIBLE))).query(String.class).list();
	}

}
