package io.wellgate.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Reads {@code application/x-ndjson}: one flat JSON object per line. Each line is parsed on
 * its own, so that one malformed line is reported and the next lines are still checked.
 */
final class NdjsonRows implements RowSource {

	// NaN and Infinity are read so that they can be refused with a precise reason.
	private static final JsonFactory json = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	/** A value that is an object or an array, where only scalars belong. */
	static final Object NESTED = new Object() {
		@Override
		public String toString() {
			return "a nested value";
		}
	};

	private final BufferedReader reader;

	private long line;

	NdjsonRows(BufferedReader reader) {
		this.reader = reader;
	}

	@Override
	public ParsedRow next() throws IOException {
		String text;
		do {
			text = this.reader.readLine();
			if (text == null) {
				return null;
			}
			this.line++;
		}
		while (text.isBlank());
		return parse(this.line, text);
	}

	static ParsedRow parse(long line, String text) {
		Map<String, Object> values = new LinkedHashMap<>();
		try (JsonParser parser = json.createParser(ObjectReadContext.empty(), text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return ParsedRow.unreadable(line, null, "must be a JSON object");
			}
			String name;
			while ((name = parser.nextName()) != null) {
				Object value = value(parser, parser.nextToken());
				if (values.containsKey(name)) {
					return ParsedRow.unreadable(line, name, "appears twice");
				}
				values.put(name, value);
			}
			if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
				return ParsedRow.unreadable(line, null, "must hold exactly one JSON object");
			}
		}
		catch (JacksonException ex) {
			return ParsedRow.unreadable(line, null, "is not valid JSON: " + ex.getOriginalMessage());
		}
		return new ParsedRow(line, values, false, List.of());
	}

	private static Object value(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_NULL -> null;
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			default -> {
				parser.skipChildren();
				yield NESTED;
			}
		};
	}

}
