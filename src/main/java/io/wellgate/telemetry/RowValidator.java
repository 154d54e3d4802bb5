package io.wellgate.telemetry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Applies the contract's bad-input rules to one record and, when it is good, gives its values
 * in field order. Stateless but for the clock, so one instance serves a whole request.
 */
final class RowValidator {

	private static final Pattern WELL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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
				if (!WELL_ID.matcher(id).matches()) {
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
			try {
				return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		return null;
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
					return DECIMAL.matcher(trimmed).matches() ? Double.valueOf(trimmed) : null;
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
