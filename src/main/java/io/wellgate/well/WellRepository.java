package io.wellgate.well;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * The well registry (Spring Data JDBC). Reads of a page or a field are one statement each;
 * writes go through the bulk write path, not {@code save}, so that they follow its rules.
 */
public interface WellRepository extends ListCrudRepository<Well, String> {

	/** The wells of these ids that exist, by id. */
	default Map<String, Well> mapById(Collection<String> ids) {
		return findAllById(ids).stream().collect(Collectors.toMap(Well::id, Function.identity()));
	}

	/** Up to {@code limit} wells after {@code after} (or from the first), in id order. */
	@Query("""
			SELECT *
			FROM wells
			WHERE id > coalesce(CAST(:after AS text), '')
			ORDER BY id
			LIMIT :limit
			""")
	List<Well> page(@Param("after") String after, @Param("limit") int limit);

	/** The same, within one oil field. */
	@Query("""
			SELECT *
			FROM wells
			WHERE field = :field
			  AND id > coalesce(CAST(:after AS text), '')
			ORDER BY id
			LIMIT :limit
			""")
	List<Well> pageOfField(@Param("field") String field, @Param("after") String after, @Param("limit") int limit);

	/** The ids of one oil field's wells. */
	@Query("""
			SELECT id
			FROM wells
			WHERE field = :field
			""")
	List<String> idsOfField(@Param("field") String field);

}
