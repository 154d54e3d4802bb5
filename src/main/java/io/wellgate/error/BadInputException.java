package io.wellgate.error;

import java.util.List;

/**
 * A write refused as a whole because some of its input is bad; nothing of it was stored.
 */
public class BadInputException extends RuntimeException {

	private final List<LineError> errors;

	private final long badLines;

	public BadInputException(List<LineError> errors, long badLines) {
		super(badLines + " bad " + (badLines == 1 ? "line" : "lines") + "; nothing was stored");
		this.errors = List.copyOf(errors);
		this.badLines = badLines;
	}

	/** The input as a whole is refused, not one line of it. */
	public BadInputException(String field, String reason) {
		this(List.of(new LineError(-1, field, reason)), 1);
	}

	/** The first errors, up to the configured limit. */
	public List<LineError> errors() {
		return this.errors;
	}

	/** How many lines were bad in all, listed or not. */
	public long badLines() {
		return this.badLines;
	}

}
