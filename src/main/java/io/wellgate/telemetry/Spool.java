package io.wellgate.telemetry;

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

/**
 * A copy of what a write streamed into its direct COPY, so that the write can be replayed
 * through the merge when the direct COPY is refused. Kept in memory up to a limit, then in a
 * temporary file, which {@link #close} deletes.
 */
final class Spool implements AutoCloseable {

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

	void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.file == null && this.size + length > this.memoryLimit) {
			moveToFile();
		}
		this.size += length;
		if (this.fileOut != null) {
			this.fileOut.write(bytes, offset, length);
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

	/** How many bytes were spooled. */
	long size() {
		return this.size;
	}

	/** Whether the spool outgrew memory into a file. */
	boolean onDisk() {
		return this.file != null;
	}

	/** Everything spooled so far, from the start; may be called more than once. */
	InputStream open() throws IOException {
		if (this.fileOut != null) {
			this.fileOut.flush();
			return new BufferedInputStream(Files.newInputStream(this.file), 1 << 16);
		}
		List<InputStream> parts = new ArrayList<>();
		for (int i = 0; i < this.chunks.size(); i++) {
			parts.add(new ByteArrayInputStream(this.chunks.get(i), 0, filled(i)));
		}
		return new SequenceInputStream(Collections.enumeration(parts));
	}

	@Override
	public void close() throws IOException {
		this.chunks.clear();
		if (this.file != null) {
			try {
				if (this.fileOut != null) {
					this.fileOut.close();
				}
			}
			finally {
				Files.deleteIfExists(this.file);
			}
		}
	}

	private void moveToFile() throws IOException {
		this.file = Files.createTempFile("wellgate-ingest-", ".spool");
		this.fileOut = new BufferedOutputStream(Files.newOutputStream(this.file), 1 << 16);
		for (int i = 0; i < this.chunks.size(); i++) {
			this.fileOut.write(this.chunks.get(i), 0, filled(i));
		}
		this.chunks.clear();
	}

	private byte[] last() {
		return this.chunks.get(this.chunks.size() - 1);
	}

	private int filled(int chunk) {
		return (chunk == this.chunks.size() - 1) ? this.lastChunkSize : this.chunks.get(chunk).length;
	}

}
