package io.wellgate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import io.wellgate.error.LineError;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads {@code text/csv} (RFC 4180) as a stream with Jackson's CSV parser: a header line of field
 * names, then one record a line. Cells may be quoted ({@code "a,b"}, {@code "say ""hi"""}, a line
 * break inside quotes); spaces around a cell are dropped, an empty cell is a null, blank lines are
 * skipped, a UTF-8 byte-order mark is ignored, and lines may end in LF or CRLF.
 * <p>
 * A record's line is the physical 1-based line of the body it starts on (a quoted line break makes
 * a record span lines; the next record's number counts them). A syntax error (a quote never
 * closed, text after a closing quote) ends the reading: the rest of the body cannot be framed.
 */
final class CsvRows implements RowSource {

	private static final CsvMapper CSV = new CsvMapper(CsvFactory.builder()
		.enable(CsvReadFeature.TRIM_SPACES)
		.enable(CsvReadFeature.SKIP_EMPTY_LINES)
		.build());

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final JsonParser parser;

	private final RecordSchema schema;

	private String[] header;

	private String[] cells = new String[16];

	private boolean ended;

	private CsvRows(JsonParser parser, RecordSchema schema) {
		this.parser = parser;
		this.schema = schema;
	}

	/** The records of a UTF-8 body, which may start with a byte-order mark. */
	static RowSource of(InputStream body, RecordSchema schema) throws IOException {
		PushbackInputStream in = new PushbackInputStream(body, BOM.length);
		byte[] start = in.readNBytes(BOM.length);
		if (!Arrays.equals(start, BOM)) {
			in.unread(start);
		}
		// A Reader rather than the stream: the JDK's UTF-8 decoder read telemetry faster than the
		// parser's own in CsvParseSpeed, and the encoding stays fixed (no guessing of UTF-16 or 32).
		return new CsvRows(CSV.createParser(new InputStreamReader(in, StandardCharsets.UTF_8)), schema);
	}

	@Override
	public ParsedRow next() throws IOException {
		while (!this.ended) {
			long line = 0;
			int count = 0;
			try {
				if (this.parser.nextToken() != JsonToken.START_ARRAY) {
					this.ended = true;
					return null;
				}
				for (String cell = this.parser.nextStringValue(); cell != null; cell = this.parser.nextStringValue()) {
					if (count == 0) {
						line = this.parser.currentTokenLocation().getLineNr();
					}
					else if (count == this.cells.length) {
						this.cells = Arrays.copyOf(this.cells, count * 2);
					}
					this.cells[count++] = cell;
				}
			}
			catch (JacksonIOException ex) {
				throw ex.getCause();
			}
			catch (JacksonException ex) {
				this.ended = true;
				return syntaxError(line, count, ex);
			}
			// A line of tabs, which the parser does not skip as blank; or the header.
			if (count == 1 && this.cells[0].isBlank()) {
				continue;
			}
			if (this.header == null) {
				ParsedRow problem = readHeader(line, count);
				if (problem != null) {
					this.ended = true;
					return problem;
				}
				continue;
			}
			if (count != this.header.length) {
				return ParsedRow.unreadable(line, null, "has " + count + " cells where the header has " + this.header.length);
			}
			return new ParsedRow(line, new Cells(this.header, Arrays.copyOf(this.cells, count)), true, List.of());
		}
		return null;
	}

	/** The header's problems, or {@code null} when it is taken. */
	private ParsedRow readHeader(long line, int count) {
		String[] names = Arrays.copyOf(this.cells, count);
		Set<String> known = this.schema.positions().keySet();
		Set<String> seen = new HashSet<>();
		List<LineError> errors = new ArrayList<>();
		for (String name : names) {
			if (!known.contains(name)) {
				errors.add(new LineError(line, name, "unknown column in the header"));
			}
			else if (!seen.add(name)) {
				errors.add(new LineError(line, name, "appears twice in the header"));
			}
		}
		for (Field field : this.schema.fields()) {
			if (field.required() && !seen.contains(field.name())) {
				errors.add(new LineError(line, field.name(), "required column missing from the header"));
			}
		}
		if (!errors.isEmpty()) {
			return new ParsedRow(line, Map.of(), true, errors);
		}
		this.header = names;
		return null;
	}

	/**
	 * Where the parser stopped: the cell it was reading (its first character, and its column when
	 * the header names it) and why, in the parser's words.
	 */
	private ParsedRow syntaxError(long recordLine, int cell, JacksonException ex) {
		TokenStreamLocation at = this.parser.currentTokenLocation();
		long line = (at.getLineNr() > 0) ? at.getLineNr() : recordLine;
		String field = (this.header != null && cell < this.header.length) ? this.header[cell] : null;
		String reason = ex.getOriginalMessage();
		if (reason.startsWith("Missing closing quote")) {
			reason = "has a quote that is never closed";
		}
		else if (reason.startsWith("Unexpected character")) {
			reason = "has text after a closing quote; a quote inside a quoted cell is written twice (\"\")";
		}
		return ParsedRow.unreadable(line, field, reason + " (cell " + (cell + 1) + ", column " + at.getColumnNr() + ")");
	}

	/**
	 * A record's cells by the header's names, in the header's order: the header's array and the
	 * record's, rather than a hash map built for every line (which made the parse 20% slower).
	 */
	private static final class Cells extends AbstractMap<String, Object> {

		private final String[] names;

		private final String[] values;

		Cells(String[] names, String[] values) {
			this.names = names;
			this.values = values;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<String, Object>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < Cells.this.values.length;
						}

						@Override
						public Entry<String, Object> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							int i = this.next++;
							return new SimpleImmutableEntry<>(Cells.this.names[i], Cells.this.values[i]);
						}

					};
				}

				@Override
				public int size() {
					return Cells.this.values.length;
				}

			};
		}

	}

}
