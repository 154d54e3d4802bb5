package io.wellgate.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import io.wellgate.error.BodyTooLargeException;

/**
 * Turns a bulk request body into records, by its content type, reading it as a stream and
 * refusing it once it grows past the configured size.
 */
public final class BulkBody {

	public static final String NDJSON = "application/x-ndjson";

	public static final String CSV = "text/csv";

	private BulkBody() {
	}

	public static RowSource rows(HttpServletRequest request, RecordSchema schema, DataSize limit) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > limit.toBytes()) {
			throw new BodyTooLargeException(limit);
		}
		InputStream body = new LimitedInputStream(request.getInputStream(), limit);
		MediaType type = MediaType.parseMediaType(request.getContentType());
		if (type.isCompatibleWith(MediaType.parseMediaType(CSV))) {
			return CsvRows.of(body, schema);
		}
		return new NdjsonRows(body);
	}

	private static final class LimitedInputStream extends FilterInputStream {

		private final DataSize limit;

		private long remaining;

		LimitedInputStream(InputStream in, DataSize limit) {
			super(in);
			this.limit = limit;
			this.remaining = limit.toBytes();
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.remaining -= n;
			if (this.remaining < 0) {
				throw new BodyTooLargeException(this.limit);
			}
		}

	}

}
