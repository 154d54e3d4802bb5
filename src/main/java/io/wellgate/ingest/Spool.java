package io.wellgate.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of what a write streamed into its direct COPY, so that the write can be replayed
 * when the direct COPY is refused. Kept in memory up to a limit, then in a temporary file, which
 * {@link #close} deletes. A failure of the file is the server's, not the request's: it is thrown
 * as an {@link IllegalStateException}.
 */
final class Spool implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Spool.class);

	private static final int FIRST_CHUNK = 1 << 16;

	private static final int LARGEST_CHUNK = 1 << 20;

	private final long memoryLimit;

	private final List<byte[]> chunks = new ArrayList<>();

	private int lastChunkSize;

	private long size;

	private Path file;

	private OutputStream fileOut;

	Spool(long memoryLimit) {
		this.memoryLimit = memoryLimit;
	}

	void write(byte[] bytes, int offset, int length) {
		if (this.file == null && this.size + length > this.memoryLimit) {
			moveToFile();
		}
		this.size += length;
		if (this.fileOut != null) {
			try {
				this.fileOut.write(bytes, offset, length);
			}
			catch (IOException ex) {
				throw failed(ex);
			}
			return;
		}
		while (length > 0) {
			if (this.chunks.isEmpty() || this.lastChunkSize == last().length) {
				// Chunks grow with the spool, so that a small write does not hold a large buffer.
				int chunk = this.chunks.isEmpty() ? FIRST_CHUNK : Math.min(LARGEST_CHUNK, 2 * last().length);
				this.chunks.add(new byte[chunk]);
				this.lastChunkSize = 0;
			}
			int n = Math.min(length, last().length - this.lastChunkSize);
			System.arraycopy(bytes, offset, last(), this.lastChunkSize, n);
			this.lastChunkSize += n;
			offset += n;
			length -= n;
		}
	}

	/** Everything spooled so far, from the start; may be called more than once. */
	InputStream open() {
		if (this.fileOut != null) {
			try {
				this.fileOut.flush();
				return new BufferedInputStream(Files.newInputStream(this.file), 1 << 16);
			}
			catch (IOException ex) {
				throw failed(ex);
			}
		}
		List<InputStream> parts = new ArrayList<>();
		for (int i = 0; i < this.chunks.size(); i++) {
			parts.add(new ByteArrayInputStream(this.chunks.get(i), 0, filled(i)));
		}
		return new SequenceInputStream(Collections.enumeration(parts));
	}

	/** Drops the spool; a file that cannot be deleted is logged, the write is not failed for it. */
	@Override
	public void close() {
		this.chunks.clear();
		if (this.file == null) {
			return;
		}
		try {
			if (this.fileOut != null) {
				this.fileOut.close();
			}
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the ingest spool {}: {}", this.file, ex.toString());
		}
	}

	private void moveToFile() {
		try {
			this.file = Files.createTempFile("wellgate-ingest-", ".spool");
			this.fileOut = new BufferedOutputStream(Files.newOutputStream(this.file), 1 << 16);
			for (int i = 0; i < this.chunks.size(); i++) {
				this.fileOut.write(this.chunks.get(i), 0, filled(i));
			}
		}
		catch (IOException ex) {
			throw failed(ex);
		}
		this.chunks.clear();
	}

	private IllegalStateException failed(IOException ex) {
		return new IllegalStateException("Could not spool the write to " + this.file, ex);
	}

	private byte[] last() {
		return this.chunks.get(this.chunks.size() - 1);
	}

	private int filled(int chunk) {
		return (chunk == this.chunks.size() - 1) ? this.lastChunkSize : this.chunks.get(chunk).length;
	}

}
