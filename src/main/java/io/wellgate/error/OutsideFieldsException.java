package io.wellgate.error;

import java.util.Collection;
import java.util.List;

/**
 * A write names wells that its caller may not write: outside its token's fields, or not
 * registered in any of them. The whole request is refused (HTTP {@code 403}, GraphQL
 * {@code FORBIDDEN}) and nothing of it is stored.
 */
public class OutsideFieldsException extends RuntimeException {

	private final List<String> wells;

	public OutsideFieldsException(List<String> wells, Collection<String> fields) {
		super("This token may write only to wells of the fields " + String.join(", ", fields) + "; "
				+ describe(wells) + " outside them (or not registered); nothing was stored");
		this.wells = List.copyOf(wells);
	}

	/** The refused wells (at most ten). */
	public List<String> wells() {
		return this.wells;
	}

	private static String describe(List<String> wells) {
		return (wells.size() == 1 ? "well " : "wells ") + String.join(", ", wells) + (wells.size() == 1 ? " is" : " are");
	}

}
