package io.wellgate.error;

/**
 * Checks of query arguments shared by every feature, refused with a {@link BadArgumentException}
 * naming the argument and the allowed range.
 */
public final class Arguments {

	private Arguments() {
	}

	/** {@code value}, when it lies in {@code 1..max}. */
	public static int limit(String name, Integer value, int max) {
		if (value == null || value < 1 || value > max) {
			throw new BadArgumentException(name, "must be between 1 and " + max + ", got " + value);
		}
		return value;
	}

}
