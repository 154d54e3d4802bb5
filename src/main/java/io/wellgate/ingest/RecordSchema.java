package io.wellgate.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one kind of ingested record looks like (its fields in order) and how a batch of them is
 * staged and merged into its table. Telemetry and diagnostics are the two instances.
 *
 * @param noun what one record is called in messages ("sample", "diagnostic")
 * @param table the partitioned table the records are merged into
 * @param fields the fields, in COPY column order
 * @param requiresMeasurement whether at least one optional number must be present
 * @param stagingDdl creates the session's staging table (columns: line, then the fields)
 * @param mergeSql merges the staging table into the table, with two {@code %s} for what
 * {@code distinctOn} and {@code lastLineFirst} say when a key may appear more than once
 * @param distinctOn the {@code DISTINCT ON (key)} of the merge's select
 * @param lastLineFirst the {@code ORDER BY} that makes the last line of a key win
 * @param registration what a write of these records does to the well registry
 */
public record RecordSchema(String noun, String table, List<Field> fields, boolean requiresMeasurement,
		String stagingDdl, String stagingTable, String mergeSql, String distinctOn, String lastLineFirst,
		Registration registration) {

	/** What a write does to the well registry, besides storing its records. */
	public enum Registration {

		/**
		 * Registers unknown wells (telemetry, diagnostics). A well's span of samples is not
		 * written here: the invalidation log has it (migration 0014).
		 */
		WELLS,

		/** Nothing: the records are the registry's own. */
		NONE

	}

	public RecordSchema {
		fields = List.copyOf(fields);
	}

	boolean registersWells() {
		return this.registration != Registration.NONE;
	}

	/** Field positions by name, for the parsers. */
	public Map<String, Integer> positions() {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < this.fields.size(); i++) {
			positions.put(this.fields.get(i).name(), i);
		}
		return positions;
	}

	/** The COPY that writes records (in {@link BinaryCopy}'s format) straight into the table. */
	public String directCopy() {
		return "COPY " + this.table + " (" + columns() + ") FROM STDIN (FORMAT binary)";
	}

	/** The COPY that writes records into the staging table, each after its line. */
	public String stagingCopy() {
		return "COPY " + this.stagingTable + " (line, " + columns() + ") FROM STDIN (FORMAT binary)";
	}

	private String columns() {
		return String.join(", ", this.fields.stream().map(Field::column).toList());
	}

	/**
	 * The merge statement.
	 * @param deduplicate whether the staged rows may repeat a key (then the last line wins, at the
	 * cost of a sort); without, a repeated key fails the statement with SQLSTATE 21000
	 */
	public String merge(boolean deduplicate) {
		return deduplicate ? this.mergeSql.formatted(this.distinctOn, this.lastLineFirst) : this.mergeSql.formatted("", "");
	}

}
