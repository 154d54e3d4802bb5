package io.wellgate.ingest;

import java.util.Set;

/**
 * One field of an ingested record: its name in JSON, CSV and GraphQL, its column, and what a
 * valid value is.
 */
public record Field(String name, String column, Kind kind, double min, double max, Set<String> values,
		boolean required) {

	public enum Kind {

		WELL_ID, TIME, NUMBER, ENUM, TEXT, DATE

	}

	public static Field wellId() {
		return new Field("wellId", "well_id", Kind.WELL_ID, 0, 0, Set.of(), true);
	}

	public static Field time() {
		return new Field("time", "time", Kind.TIME, 0, 0, Set.of(), true);
	}

	public static Field number(String name, String column, double min, double max, boolean required) {
		return new Field(name, column, Kind.NUMBER, min, max, Set.of(), required);
	}

	/** A well id under another name than {@code wellId} (the registry's {@code id}). */
	public static Field wellId(String name, String column) {
		return new Field(name, column, Kind.WELL_ID, 0, 0, Set.of(), true);
	}

	/** Optional free text of at most {@code maxLength} characters, without control characters. */
	public static Field text(String name, String column, int maxLength) {
		return new Field(name, column, Kind.TEXT, 1, maxLength, Set.of(), false);
	}

	/** An optional calendar day, {@code YYYY-MM-DD}. */
	public static Field date(String name, String column) {
		return new Field(name, column, Kind.DATE, 0, 0, Set.of(), false);
	}

	public static Field choice(String name, String column, Set<String> values) {
		return new Field(name, column, Kind.ENUM, 0, 0, values, true);
	}

}
