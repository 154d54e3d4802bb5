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
import org.springframework.stereotype.Repository;

/**
 * Reads the well registry, always within a caller's {@link FieldScope}: a well outside it does
 * not exist for that caller.
 */
@Repository
public class WellRepository {

	private static final String BY_ID = """
			SELECT id, name, field
			FROM wells
			WHERE id = :id
			  AND %s
			""".formatted(FieldScope.VISIBLE);

	private static final String BY_IDS = """
			SELECT id, name, field
			FROM wells
			WHERE id = ANY(:ids)
			  AND %s
			""".formatted(FieldScope.VISIBLE);

	private static final String VISIBLE_IDS = """
			SELECT id
			FROM wells
			WHERE %s
			ORDER BY id
			""".formatted(FieldScope.VISIBLE);

	private static final String PAGE = """
			SELECT id, name, field
			FROM wells
			WHERE id > coalesce(:after, '')
			  AND %s
			ORDER BY id
			LIMIT :limit
			""".formatted(FieldScope.VISIBLE);

	private final JdbcClient jdbc;

	WellRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Well> findById(String id, FieldScope scope) {
		return scope.bind(this.jdbc.sql(BY_ID).param("id", id)).query(Well.class).optional();
	}

	public List<Well> findAllById(Collection<String> ids, FieldScope scope) {
		return scope.bind(this.jdbc.sql(BY_IDS).param("ids", ids.toArray(String[]::new))).query(Well.class).list();
	}

	/** The wells of these ids that exist and are in scope, by id. */
	public Map<String, Well> mapById(Collection<String> ids, FieldScope scope) {
		return findAllById(ids, scope).stream().collect(Collectors.toMap(Well::id, Function.identity()));
	}

	/**
	 * The ids of the wells in scope, for reads over "every well" (rankings, fleet summaries);
	 * {@code null} when the scope is unrestricted, which those reads take as every well.
	 */
	public List<String> visibleIds(FieldScope scope) {
		if (scope.unrestricted()) {
			return null;
		}
		return scope.bind(this.jdbc.sql(VISIBLE_IDS)).query(String.class).list();
	}

	/** Up to {@code limit} wells in scope after {@code afterId} (or from the first), in id order. */
	public List<Well> page(String afterId, int limit, FieldScope scope) {
		return scope.bind(this.jdbc.sql(PAGE).param("after", afterId, Types.VARCHAR).param("limit", limit))
			.query(Well.class)
			.list();
	}

}
