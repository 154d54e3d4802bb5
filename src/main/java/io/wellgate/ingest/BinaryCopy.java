package io.wellgate.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Validated records in PostgreSQL's binary {@code COPY} format, built up in a byte buffer. Binary
 * spares PostgreSQL the parsing of every timestamp and number, and Java their rendering as text;
 * the values arrive exactly, with no decimal round trip. Field kinds map to the column types of
 * the tables: text for well ids, choices and free text, timestamptz for times, float8 for
 * numbers, date for days.
 */
final class BinaryCopy {

	/** The signature, no flags, no header extension. */
	static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0,
			0 };

	/** A field count of -1 ends the data. */
	static final byte[] TRAILER = { (byte) 0xFF, (byte) 0xFF };

	/** 2000-01-01T00:00:00Z, from which PostgreSQL counts timestamps in microseconds. */
	private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

	/** The same epoch in days, from which PostgreSQL counts dates. */
	private static final long POSTGRES_EPOCH_DAY = 10_957L;

	private final Field.Kind[] kinds;

	private byte[] bytes;

	private int size;

	BinaryCopy(List<Field> fields, int capacity) {
		this.kinds = fields.stream().map(Field::kind).toArray(Field.Kind[]::new);
		this.bytes = new byte[capacity];
	}

	/** Appends one record, its values in field order ({@code null} for a missing value). */
	void append(Object[] values) {
		putShort(this.kinds.length);
		for (int i = 0; i < this.kinds.length; i++) {
			Object value = values[i];
			if (value == null) {
				putInt(-1);
				continue;
			}
			switch (this.kinds[i]) {
				case WELL_ID, ENUM -> putAscii((String) value);
				case TIME -> {
					putInt(8);
					putLong(micros((Instant) value));
				}
				case NUMBER -> {
					putInt(8);
					putLong(Double.doubleToLongBits((Double) value));
				}
				case TEXT -> putUtf8((String) value);
				case DATE -> {
					putInt(4);
					putInt((int) (((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
				}
			}
		}
	}

	byte[] bytes() {
		return this.bytes;
	}

	int size() {
		return this.size;
	}

	void clear() {
		this.size = 0;
	}

	/**
	 * Microseconds since PostgreSQL's epoch, the digits below a microsecond rounded exactly as
	 * PostgreSQL rounds them when it reads a timestamp as text: {@code rint(fraction * 1e6)} in
	 * double precision.
	 */
	static long micros(Instant time) {
		int nano = time.getNano();
		long micros = (nano % 1000 == 0) ? nano / 1000 : (long) Math.rint(nano / 1e9 * 1e6);
		return Math.addExact(Math.multiplyExact(time.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L), micros);
	}

	/**
	 * Copies spooled records (as {@link #append} wrote them) to {@code out}, each with a bigint
	 * column in front holding its ordinal, counted from 1: the {@code line} of the staging table,
	 * by which the last copy of a key wins.
	 */
	static void withOrdinals(InputStream records, Sink out) throws IOException, SQLException {
		Input in = new Input(records);
		BinaryCopy row = new BinaryCopy(List.of(), 1 << 17);
		long ordinal = 0;
		while (in.has(2)) {
			int fields = in.getShort();
			row.putShort(fields + 1);
			row.putInt(8);
			row.putLong(++ordinal);
			for (int i = 0; i < fields; i++) {
				in.require(4);
				int length = in.getInt();
				row.putInt(length);
				if (length > 0) {
					in.require(length);
					row.put(in.bytes, in.position, length);
					in.position += length;
				}
			}
			if (row.size() >= 1 << 16) {
				out.write(row.bytes(), 0, row.size());
				row.clear();
			}
		}
		out.write(row.bytes(), 0, row.size());
	}

	/** A well id or an enum name: ASCII by validation, so each char is its own UTF-8 byte. */
	private void putAscii(String text) {
		int length = text.length();
		putInt(length);
		ensure(length);
		for (int i = 0; i < length; i++) {
			this.bytes[this.size++] = (byte) text.charAt(i);
		}
	}

	/** Free text (a well's name): any characters, so encoded. */
	private void putUtf8(String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		putInt(utf8.length);
		put(utf8, 0, utf8.length);
	}

	private void put(byte[] source, int offset, int length) {
		ensure(length);
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
	}

	private void putShort(int value) {
		ensure(2);
		this.bytes[this.size++] = (byte) (value >>> 8);
		this.bytes[this.size++] = (byte) value;
	}

	private void putInt(int value) {
		ensure(4);
		this.bytes[this.size++] = (byte) (value >>> 24);
		this.bytes[this.size++] = (byte) (value >>> 16);
		this.bytes[this.size++] = (byte) (value >>> 8);
		this.bytes[this.size++] = (byte) value;
	}

	private void putLong(long value) {
		putInt((int) (value >>> 32));
		putInt((int) value);
	}

	private void ensure(int more) {
		if (this.size + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
		}
	}

	/** Spooled bytes read a chunk at a time, so that a record costs no call per field. */
	private static final class Input {

		private final InputStream in;

		private byte[] bytes = new byte[1 << 16];

		private int position;

		private int limit;

		Input(InputStream in) {
			this.in = in;
		}

		/** Whether {@code n} more bytes can be had; only the end of the spool gives fewer. */
		boolean has(int n) throws IOException {
			if (this.limit - this.position >= n) {
				return true;
			}
			System.arraycopy(this.bytes, this.position, this.bytes, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
			if (n > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, n);
			}
			int read;
			while (this.limit < n && (read = this.in.read(this.bytes, this.limit, this.bytes.length - this.limit)) > 0) {
				this.limit += read;
			}
			return this.limit >= n;
		}

		void require(int n) throws IOException {
			if (!has(n)) {
				throw new EOFException("The spool ends within a record");
			}
		}

		int getShort() {
			int value = ((this.bytes[this.position] & 0xFF) << 8) | (this.bytes[this.position + 1] & 0xFF);
			this.position += 2;
			return (short) value;
		}

		int getInt() {
			int value = ((this.bytes[this.position] & 0xFF) << 24) | ((this.bytes[this.position + 1] & 0xFF) << 16)
					| ((this.bytes[this.position + 2] & 0xFF) << 8) | (this.bytes[this.position + 3] & 0xFF);
			this.position += 4;
			return value;
		}

	}

	/** Where encoded bytes go: a COPY, a spool. */
	@FunctionalInterface
	interface Sink {

		void write(byte[] bytes, int offset, int length) throws IOException, SQLException;

	}

}
