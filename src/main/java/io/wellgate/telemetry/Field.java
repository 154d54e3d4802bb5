package io.wellgate.telemetry;

import java.util.Set;

/**
 * One field of an ingested record: its name in JSON, CSV and GraphQL, its column, and what a
 * valid value is.
 */
public record Field(String name, String column, Kind kind, double min, double max, Set<String> values,
		boolean required) {

	public enum Kind {

		WELL_ID, TIME, NUMBER, ENUM

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

	public static Field choice(String name, String column, Set<String> values) {
		return new Field(name, column, Kind.ENUM, 0, 0, values, true);
	}

}
