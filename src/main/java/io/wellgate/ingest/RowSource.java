package io.wellgate.ingest;

import java.io.IOException;

/**
 * Records read one at a time, so that a body of any size streams through ingestion without
 * being held in memory.
 */
@FunctionalInterface
public interface RowSource {

	/** The next record, or {@code null} at the end. */
	ParsedRow next() throws IOException;

}
