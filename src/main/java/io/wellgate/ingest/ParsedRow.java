package io.wellgate.ingest;

import java.util.List;
import java.util.Map;
import io.wellgate.error.LineError;

/**
 * One record as read from a body or a GraphQL input, before validation.
 *
 * @param line its line number (or input index)
 * @param values field name to value: {@code String}, {@code Double}, {@code Instant}, another
 * JSON value, or {@code null}
 * @param textual whether numbers arrive as text (CSV) rather than typed
 * @param errors what made the line unreadable; empty when it was read
 */
public record ParsedRow(long line, Map<String, Object> values, boolean textual, List<LineError> errors) {

	public static ParsedRow unreadable(long line, String field, String reason) {
		return new ParsedRow(line, Map.of(), false, List.of(new LineError(line, field, reason)));
	}

}
