package io.wellgate.well;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The registry's batched reads, one statement each: a fragment of {@link WellRepository}.
 */
public interface WellReads {

	/** The wells of these ids that exist, by id. */
	Map<String, Well> mapById(Collection<String> ids);

	/** Up to {@code limit} wells after {@code after} (or from the first), in id order. */
	List<Well> page(String after, int limit);

	/** The same, within one oil field. */
	List<Well> pageOfField(String field, String after, int limit);

	/** The ids of one oil field's wells. */
	List<String> idsOfField(String field);

}
