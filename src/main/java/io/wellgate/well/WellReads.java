package io.wellgate.well;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wellgate.access.FieldScope;

/**
 * The registry's batched reads, one statement each: a fragment of {@link WellRepository}. Every
 * read is within a caller's {@link FieldScope}: a well outside it does not exist for that caller.
 */
public interface WellReads {

	/** The well of this id, if it exists and is in scope. */
	Optional<Well> findById(String id, FieldScope scope);

	/** The wells of these ids that exist and are in scope, by id. */
	Map<String, Well> mapById(Collection<String> ids, FieldScope scope);

	/** Up to {@code limit} wells in scope after {@code after} (or from the first), in id order. */
	List<Well> page(String after, int limit, FieldScope scope);

	/** The same, within one oil field. */
	List<Well> pageOfField(String field, String after, int limit, FieldScope scope);

	/** The ids of one oil field's wells in scope. */
	List<String> idsOfField(String field, FieldScope scope);

	/**
	 * The ids of the wells in scope, for reads over "every well" (rankings, fleet summaries);
	 * {@code null} when the scope is unrestricted, which those reads take as every well.
	 */
	List<String> visibleIds(FieldScope scope);

}
