package io.wellgate.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.wellgate.error.LineError;

/**
 * Reads {@code text/csv}: a header line of field names, then one record a line. An empty cell
 * is a null. Cells may be wrapped in double quotes; the contract's values never contain commas.
 */
final class CsvRows implements RowSource {

	private final BufferedReader reader;

	private final RecordSchema schema;

	private String[] header;

	private long line;

	private boolean headerRejected;

	CsvRows(BufferedReader reader, RecordSchema schema) {
		this.reader = reader;
		this.schema = schema;
	}

	@Override
	public ParsedRow next() throws IOException {
		if (this.headerRejected) {
			return null;
		}
		String text = readLine();
		if (text == null) {
			return null;
		}
		if (this.header == null) {
			ParsedRow problem = readHeader(text);
			if (problem != null) {
				this.headerRejected = true;
				return problem;
			}
			text = readLine();
			if (text == null) {
				return null;
			}
		}
		String[] cells = split(text);
		if (cells.length != this.header.length) {
			return ParsedRow.unreadable(this.line, null,
					"has " + cells.length + " cells where the header has " + this.header.length);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < cells.length; i++) {
			values.put(this.header[i], cells[i]);
		}
		return new ParsedRow(this.line, values, true, List.of());
	}

	private String readLine() throws IOException {
		String text;
		do {
			text = this.reader.readLine();
			if (text == null) {
				return null;
			}
			this.line++;
		}
		while (text.isBlank());
		return text;
	}

	private ParsedRow readHeader(String text) {
		String[] names = split(text);
		Set<String> known = this.schema.positions().keySet();
		Set<String> seen = new HashSet<>();
		List<LineError> errors = new ArrayList<>();
		for (String name : names) {
			if (!known.contains(name)) {
				errors.add(new LineError(this.line, name, "unknown column in the header"));
			}
			else if (!seen.add(name)) {
				errors.add(new LineError(this.line, name, "appears twice in the header"));
			}
		}
		for (Field field : this.schema.fields()) {
			if (field.required() && !seen.contains(field.name())) {
				errors.add(new LineError(this.line, field.name(), "required column missing from the header"));
			}
		}
		if (!errors.isEmpty()) {
			return new ParsedRow(this.line, Map.of(), true, errors);
		}
		this.header = names;
		return null;
	}

	private static String[] split(String text) {
		String[] cells = text.split(",", -1);
		for (int i = 0; i < cells.length; i++) {
			String cell = cells[i].strip();
			if (cell.length() >= 2 && cell.charAt(0) == '"' && cell.charAt(cell.length() - 1) == '"') {
				cell = cell.substring(1, cell.length() - 1);
			}
			cells[i] = cell;
		}
		return cells;
	}

}
