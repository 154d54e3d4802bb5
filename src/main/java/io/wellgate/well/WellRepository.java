package io.wellgate.well;

import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
