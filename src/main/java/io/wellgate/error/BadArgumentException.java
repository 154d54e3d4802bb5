package io.wellgate.error;

/**
 * A query argument outside what the API accepts; reported as a {@code BAD_REQUEST} naming the
 * argument and the allowed range.
 */
public class BadArgumentException extends RuntimeException {

	private final String argument;

	public BadArgumentException(String argument, String message) {
		super(argument + ": " + message);
		this.argument = argument;
	}

	public String argument() {
		return this.argument;
	}

}
