package io.wellgate.well;

import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the well registry.
 */
@Repository
public class WellRepository {

	private final JdbcClient jdbc;

	WellRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Well> findById(String id) {
		return this.jdbc.sql("""
				SELECT id, name, field
				FROM wells
				WHERE id = :id
				""").param("id", id).query(Well.class).optional();
	}

	public List<Well> findAllById(Collection<String> ids) {
		return this.jdbc.sql("""
				SELECT id, name, field
				FROM wells
				WHERE id = ANY(:ids)
				""").param("ids", ids.toArray(String[]::new)).query(Well.class).list();
	}

	/** The wells of these ids that exist, by id. */
	public Map<String, Well> mapById(Collection<String> ids) {
		return findAllById(ids).stream().collect(Collectors.toMap(Well::id, Function.identity()));
	}

	/** Up to {@code limit} wells after {@code afterId} (or from the first), in id order. */
	public List<Well> page(String afterId, int limit) {
		return this.jdbc.sql("""
				SELECT id, name, field
				FROM wells
				WHERE id > coalesce(:after, '')
				ORDER BY id
				LIMIT :limit
				""").param("after", afterId, Types.VARCHAR).param("limit", limit).query(Well.class).list();
	}

}
