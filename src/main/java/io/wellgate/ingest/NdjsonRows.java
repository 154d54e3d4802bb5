package io.wellgate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * its own, so that one malformed line is reported and the next lines are still checked. Lines
 * are cut from the raw bytes (at {@code \n}, {@code \r} or {@code \r\n}, as
 * {@code BufferedReader} cuts them); the common line is read by {@link FlatJson}, any other by
 * Jackson.
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

	private final InputStream body;

	private final FlatJson flat = new FlatJson();

	private byte[] buffer = new byte[1 << 16];

	private int start;

	private int limit;

	private boolean ended;

	// After a \r at the end of the buffer: a \n that follows belongs to the same line break.
	private boolean skipNewline;

	private long line;

	NdjsonRows(InputStream body) {
		this.body = body;
	}

	@Override
	public ParsedRow next() throws IOException {
		while (true) {
			int end = endOfLine();
			if (end < 0) {
				return null;
			}
			int from = this.start;
			this.start = Math.min(end + 1, this.limit);
			if (end < this.limit && this.buffer[end] == '\r') {
				this.skipNewline = true;
			}
			this.line++;
			if (isBlank(from, end)) {
				continue;
			}
			Map<String, Object> values = this.flat.parse(this.buffer, from, end);
			if (values != null) {
				return new ParsedRow(this.line, values, false, List.of());
			}
			return parse(this.line, new String(this.buffer, from, end - from, StandardCharsets.UTF_8));
		}
	}

	/**
	 * Where the next line ends (its break, or the end of the body), reading more of the body as
	 * needed; -1 when the body is exhausted.
	 */
	private int endOfLine() throws IOException {
		int scanned = this.start;
		while (true) {
			if (this.skipNewline && this.start < this.limit) {
				this.skipNewline = false;
				if (this.buffer[this.start] == '\n') {
					this.start++;
					scanned = this.start;
				}
			}
			for (int i = scanned; i < this.limit; i++) {
				byte b = this.buffer[i];
				if (b == '\n' || b == '\r') {
					return i;
				}
			}
			if (this.ended) {
				this.skipNewline = false;
				return (this.start < this.limit) ? this.limit : -1;
			}
			scanned = this.limit - this.start;
			fill();
		}
	}

	/** Moves the unread bytes to the front, grows the buffer when a line fills it, and reads. */
	private void fill() throws IOException {
		int unread = this.limit - this.start;
		if (this.start > 0) {
			System.arraycopy(this.buffer, this.start, this.buffer, 0, unread);
			this.start = 0;
			this.limit = unread;
		}
		if (this.limit == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		int n = this.body.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (n < 0) {
			this.ended = true;
		}
		else {
			this.limit += n;
		}
	}

	/** As {@code String.isBlank()}; bytes beyond ASCII are decoded to be judged. */
	private boolean isBlank(int from, int to) {
		boolean ascii = true;
		for (int i = from; i < to; i++) {
			byte b = this.buffer[i];
			if (b < 0) {
				ascii = false;
			}
			else if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return ascii || new String(this.buffer, from, to - from, StandardCharsets.UTF_8).isBlank();
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
