package io.wellgate.ingest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the NDJSON line that nearly every sender writes, a flat object of plain names and
 * scalar values, several times faster than a Jackson parser set up for each line. It gives
 * exactly what {@link NdjsonRows#parse} would give for such a line, or {@code null} for anything
 * else (escapes, non-ASCII text, nested values, NaN, long integers, duplicates, malformed JSON),
 * which is then left to Jackson, the judge of what is valid and of the error messages.
 */
final class FlatJson {

	/** 10^0 to 10^22, the powers of ten a double holds exactly. */
	private static final double[] POWERS_OF_TEN = new double[23];

	static {
		POWERS_OF_TEN[0] = 1;
		for (int i = 1; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
		}
	}

	// Lines of one body name their fields alike: the name seen at each place is kept, so that the
	// same String (with its hash computed once) serves every line.
	private final String[] names = new String[32];

	private byte[] bytes;

	private int at;

	private int end;

	/** The fields of the line {@code bytes[from, to)}, or {@code null} when Jackson must read it. */
	Map<String, Object> parse(byte[] bytes, int from, int to) {
		this.bytes = bytes;
		this.at = from;
		this.end = to;
		Map<String, Object> values = new LinkedHashMap<>();
		skipSpace();
		if (!take('{')) {
			return null;
		}
		for (int field = 0;; field++) {
			skipSpace();
			String name = name(field);
			skipSpace();
			if (name == null || !take(':')) {
				return null;
			}
			skipSpace();
			Object value = value();
			if (value == this || values.containsKey(name)) {
				return null;
			}
			values.put(name, value);
			skipSpace();
			if (take('}')) {
				break;
			}
			if (!take(',')) {
				return null;
			}
		}
		skipSpace();
		return (this.at == this.end) ? values : null;
	}

	private String name(int field) {
		int start = this.at + 1;
		int stop = endOfPlainString();
		if (stop < 0) {
			return null;
		}
		int length = stop - start;
		String known = (field < this.names.length) ? this.names[field] : null;
		if (known == null || !sameAscii(known, start, length)) {
			known = new String(this.bytes, start, length, StandardCharsets.ISO_8859_1);
			if (field < this.names.length) {
				this.names[field] = known;
			}
		}
		return known;
	}

	/** The value at the cursor: a String, Double, Boolean or null; {@code this} when not plain. */
	private Object value() {
		if (this.at >= this.end) {
			return this;
		}
		byte b = this.bytes[this.at];
		if (b == '"') {
			int start = this.at + 1;
			int stop = endOfPlainString();
			return (stop < 0) ? this : new String(this.bytes, start, stop - start, StandardCharsets.ISO_8859_1);
		}
		if (b == 'n') {
			return literal("null") ? null : this;
		}
		if (b == 't') {
			return literal("true") ? Boolean.TRUE : this;
		}
		if (b == 'f') {
			return literal("false") ? Boolean.FALSE : this;
		}
		return number();
	}

	/**
	 * A JSON number as Jackson's {@code getDoubleValue()} gives it: an integer of up to 18 digits
	 * through a long, a decimal of up to 15 digits as one exact division (correctly rounded, as
	 * {@code Double.parseDouble}), any other decimal through {@code Double.parseDouble}.
	 */
	private Object number() {
		int start = this.at;
		boolean negative = take('-');
		long mantissa = 0;
		int digits = 0;
		int integerStart = this.at;
		while (this.at < this.end && isDigit(this.bytes[this.at])) {
			mantissa = (digits < 18) ? mantissa * 10 + (this.bytes[this.at] - '0') : mantissa;
			digits++;
			this.at++;
		}
		int integerDigits = this.at - integerStart;
		if (integerDigits == 0 || (integerDigits > 1 && this.bytes[integerStart] == '0')) {
			return this;
		}
		int fractionDigits = 0;
		if (take('.')) {
			while (this.at < this.end && isDigit(this.bytes[this.at])) {
				mantissa = (digits < 18) ? mantissa * 10 + (this.bytes[this.at] - '0') : mantissa;
				digits++;
				fractionDigits++;
				this.at++;
			}
			if (fractionDigits == 0) {
				return this;
			}
		}
		boolean exponent = false;
		if (this.at < this.end && (this.bytes[this.at] == 'e' || this.bytes[this.at] == 'E')) {
			exponent = true;
			this.at++;
			if (!take('+')) {
				take('-');
			}
			int exponentStart = this.at;
			while (this.at < this.end && isDigit(this.bytes[this.at])) {
				this.at++;
			}
			if (this.at == exponentStart) {
				return this;
			}
		}
		if (this.at < this.end && !isSpace(this.bytes[this.at]) && this.bytes[this.at] != ','
				&& this.bytes[this.at] != '}') {
			return this;
		}
		if (fractionDigits == 0 && !exponent) {
			if (digits > 18) {
				return this;
			}
			return (double) (negative ? -mantissa : mantissa);
		}
		if (!exponent && digits <= 15) {
			double value = mantissa / POWERS_OF_TEN[fractionDigits];
			return negative ? -value : value;
		}
		return Double.parseDouble(new String(this.bytes, start, this.at - start, StandardCharsets.ISO_8859_1));
	}

	/** Moves past a string of printable ASCII without escapes; the index of its closing quote, or -1. */
	private int endOfPlainString() {
		if (!take('"')) {
			return -1;
		}
		while (this.at < this.end) {
			byte b = this.bytes[this.at++];
			if (b == '"') {
				return this.at - 1;
			}
			if (b < 0x20 || b == '\\') {
				return -1;
			}
		}
		return -1;
	}

	private boolean literal(String word) {
		if (this.end - this.at < word.length() || !sameAscii(word, this.at, word.length())) {
			return false;
		}
		this.at += word.length();
		return this.at == this.end || isSpace(this.bytes[this.at]) || this.bytes[this.at] == ','
				|| this.bytes[this.at] == '}';
	}

	private boolean sameAscii(String text, int start, int length) {
		if (text.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (this.bytes[start + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private boolean take(char c) {
		if (this.at < this.end && this.bytes[this.at] == c) {
			this.at++;
			return true;
		}
		return false;
	}

	private void skipSpace() {
		while (this.at < this.end && isSpace(this.bytes[this.at])) {
			this.at++;
		}
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

}
