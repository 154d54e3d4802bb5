package io.wellgate.ingest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import io.wellgate.error.LineError;

/**
 * Applies the contract's bad-input rules to one record and, when it is good, gives its values
 * in field order. Stateless but for the clock, so one instance serves a whole request.
 */
final class RowValidator {

	/** Year 1: PostgreSQL stores times back to 4713 BC, but a daily partition is named by a four-digit year. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** The earliest install date taken: older is a typo rather than a pump. */
	private static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

	private final RecordSchema schema;

	private final Map<String, Integer> positions;

	private final Instant latest;

	private final Duration futureTolerance;

	RowValidator(RecordSchema schema, Clock clock, Duration futureTolerance) {
		this.schema = schema;
		this.positions = schema.positions();
		this.futureTolerance = futureTolerance;
		this.latest = clock.instant().plus(futureTolerance);
	}

	/**
	 * Validates one record into {@code values}, which has one slot per field.
	 * @return the errors, empty when the record is good
	 */
	List<LineError> validate(ParsedRow row, Object[] values) {
		List<LineError> errors = new ArrayList<>(row.errors());
		if (!errors.isEmpty()) {
			return errors;
		}
		Arrays.fill(values, null);
		for (Map.Entry<String, Object> entry : row.values().entrySet()) {
			Integer position = this.positions.get(entry.getKey());
			if (position == null) {
				errors.add(new LineError(row.line(), entry.getKey(), "unknown field; a " + this.schema.noun()
						+ " has only " + String.join(", ", new TreeSet<>(this.positions.keySet()))));
				continue;
			}
			Field field = this.schema.fields().get(position);
			Object raw = entry.getValue();
			if (raw == null || (row.textual() && raw instanceof String s && s.isEmpty())) {
				continue;
			}
			String problem = convert(field, raw, row.textual(), values, position);
			if (problem != null) {
				errors.add(new LineError(row.line(), field.name(), problem));
			}
		}
		boolean measured = false;
		for (int i = 0; i < values.length; i++) {
			Field field = this.schema.fields().get(i);
			if (values[i] == null && field.required() && !hasError(errors, field.name())) {
				errors.add(new LineError(row.line(), field.name(), "is required"));
			}
			measured |= field.kind() == Field.Kind.NUMBER && !field.required() && values[i] != null;
		}
		if (this.schema.requiresMeasurement() && !measured && errors.isEmpty()) {
			errors.add(new LineError(row.line(), null, "a " + this.schema.noun() + " must carry at least one metric"));
		}
		return errors;
	}

	private String convert(Field field, Object raw, boolean textual, Object[] values, int position) {
		switch (field.kind()) {
			case WELL_ID -> {
				if (!(raw instanceof String id)) {
					return "must be a string";
				}
				if (!isWellId(id)) {
					return "must be 1 to 64 characters of A-Z, a-z, 0-9, '_', '.' or '-'";
				}
				values[position] = id;
			}
			case TIME -> {
				Instant time = toInstant(raw);
				if (time == null) {
					return "must be an RFC 3339 date-time with an offset, such as 2026-01-31T12:00:00Z";
				}
				if (time.isAfter(this.latest)) {
					return "is more than " + this.futureTolerance.toMinutes() + " minutes in the future";
				}
				if (time.isBefore(EARLIEST)) {
					return "is before " + EARLIEST + ", the earliest time stored";
				}
				values[position] = time;
			}
			case NUMBER -> {
				Double number = toDouble(raw, textual);
				if (number == null) {
					return "must be a number";
				}
				if (number.isNaN() || number.isInfinite()) {
					return "must be a finite number, not " + number;
				}
				if (number < field.min() || number > field.max()) {
					return "must be between " + plain(field.min()) + " and " + plain(field.max()) + ", got "
							+ plain(number);
				}
				values[position] = number;
			}
			case ENUM -> {
				if (!(raw instanceof String value) || !field.values().contains(value)) {
					return "must be one of " + String.join(", ", new TreeSet<>(field.values()));
				}
				values[position] = value;
			}
			case TEXT -> {
				if (!(raw instanceof String text)) {
					return "must be a string";
				}
				String problem = textProblem(text, (int) field.max());
				if (problem != null) {
					return problem;
				}
				values[position] = text;
			}
			case DATE -> {
				LocalDate day = toDate(raw);
				if (day == null) {
					return "must be a date, YYYY-MM-DD, such as 2024-03-15";
				}
				LocalDate latestDay = LocalDate.ofInstant(this.latest, ZoneOffset.UTC).plusYears(1);
				if (day.isBefore(EARLIEST_DAY) || day.isAfter(latestDay)) {
					return "must be between " + EARLIEST_DAY + " and " + latestDay + ", got " + day;
				}
				values[position] = day;
			}
		}
		return null;
	}

	private static String textProblem(String text, int maxLength) {
		if (text.isBlank()) {
			return "must not be blank; leave it out (or null) for none";
		}
		if (text.length() > maxLength) {
			return "must be at most " + maxLength + " characters, got " + text.length();
		}
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return "must not contain control characters (such as a line break)";
			}
		}
		return null;
	}

	private static LocalDate toDate(Object raw) {
		if (raw instanceof LocalDate day) {
			return day;
		}
		if (raw instanceof String text) {
			try {
				return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		return null;
	}

	private static Instant toInstant(Object raw) {
		if (raw instanceof Instant instant) {
			return instant;
		}
		if (raw instanceof OffsetDateTime time) {
			return time.toInstant();
		}
		if (raw instanceof String text) {
			Instant time = Rfc3339.parse(text);
			if (time != null) {
				return time;
			}
			try {
				return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		return null;
	}

	/** {@code [A-Za-z0-9_.-]{1,64}}, checked without a regular expression: it runs for every record. */
	private static boolean isWellId(String id) {
		int length = id.length();
		if (length < 1 || length > 64) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/** {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}: a CSV cell that is a plain decimal number. */
	private static boolean isDecimal(String text) {
		int length = text.length();
		int i = 0;
		if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
			i++;
		}
		int integerDigits = digits(text, i);
		i += integerDigits;
		int fractionDigits = 0;
		if (i < length && text.charAt(i) == '.') {
			i++;
			fractionDigits = digits(text, i);
			i += fractionDigits;
		}
		if (integerDigits == 0 && fractionDigits == 0) {
			return false;
		}
		if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
			i++;
			if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
				i++;
			}
			int exponentDigits = digits(text, i);
			if (exponentDigits == 0) {
				return false;
			}
			i += exponentDigits;
		}
		return i == length;
	}

	private static int digits(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
			i++;
		}
		return i - from;
	}

	private static Double toDouble(Object raw, boolean textual) {
		if (raw instanceof Double number) {
			return number;
		}
		if (raw instanceof Number number) {
			return number.doubleValue();
		}
		if (textual && raw instanceof String text) {
			String trimmed = text.trim();
			switch (trimmed) {
				case "NaN":
					return Double.NaN;
				case "Infinity", "+Infinity":
					return Double.POSITIVE_INFINITY;
				case "-Infinity":
					return Double.NEGATIVE_INFINITY;
				default:
					return isDecimal(trimmed) ? Double.valueOf(trimmed) : null;
			}
		}
		return null;
	}

	private static boolean hasError(List<LineError> errors, String field) {
		for (LineError error : errors) {
			if (field.equals(error.field())) {
				return true;
			}
		}
		return false;
	}

	private static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
