package io.wellgate.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.wellgate.access.FieldScope;

import org.springframework.stereotype.Component;
import io.wellgate.error.BadInputException;

/**
 * Feeds a mutation's input list into the bulk write path, element by element, so that GraphQL
 * and HTTP writes share one set of rules. Errors carry the element's index.
 */
@Component
public class GraphQlRows {

	private final BulkWriter writer;

	private final int maxRows;

	GraphQlRows(BulkWriter writer, IngestProperties properties) {
		this.writer = writer;
		this.maxRows = properties.maxRowsPerCall();
	}

	public <T> IngestResult write(RecordSchema schema, List<T> inputs, Function<T, Map<String, Object>> values) {
		if (inputs.size() > this.maxRows) {
			throw new BadInputException(null, "at most " + this.maxRows + " " + schema.noun() + "s per call, got "
					+ inputs.size() + "; send larger batches to the bulk endpoint");
		}
		Iterator<T> iterator = inputs.iterator();
		long[] index = { -1 };
		RowSource source = () -> {
			if (!iterator.hasNext()) {
				return null;
			}
			index[0]++;
			return new ParsedRow(index[0], values.apply(iterator.next()), false, List.of());
		};
		return new IngestResult(this.writer.write(schema, source, FieldScope.current()));
	}

}
