package io.wellgate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A binary {@code COPY} straight into a partitioned table, under a savepoint, started with its
 * first bytes. PostgreSQL routes each row to its partition and fires the table's statement
 * triggers, so the aggregates' invalidation log is fed as by any insert. The table refuses the
 * whole COPY for a key it already holds or that repeats, and for a row whose day has no
 * partition; it answers only at the end, and drops whatever is sent after a refusal.
 */
final class DirectCopy {

	static final String UNIQUE_VIOLATION = "23505";

	static final String NO_PARTITION = "23514";

	private final Connection connection;

	private final String sql;

	private Savepoint savepoint;

	private CopyIn copy;

	DirectCopy(Connection connection, RecordSchema schema) {
		this.connection = connection;
		this.sql = schema.directCopy();
	}

	void write(byte[] bytes, int offset, int length) throws SQLException {
		if (this.copy == null) {
			this.savepoint = this.connection.setSavepoint();
			this.copy = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(this.sql);
			this.copy.writeToCopy(BinaryCopy.HEADER, 0, BinaryCopy.HEADER.length);
		}
		this.copy.writeToCopy(bytes, offset, length);
	}

	/** Writes everything spooled, from the start. */
	void writeAll(Spool spool) throws IOException, SQLException {
		try (InputStream records = spool.open()) {
			byte[] chunk = new byte[1 << 16];
			int n;
			while ((n = records.read(chunk)) > 0) {
				write(chunk, 0, n);
			}
		}
	}

	/**
	 * Ends the COPY.
	 * @return {@code null} when the rows are stored, else the SQLSTATE for which the table refused
	 * them ({@link #UNIQUE_VIOLATION} or {@link #NO_PARTITION}), once rolled back to the savepoint,
	 * which also releases the locks the COPY took
	 */
	String finish() throws SQLException {
		try {
			this.copy.writeToCopy(BinaryCopy.TRAILER, 0, BinaryCopy.TRAILER.length);
			this.copy.endCopy();
			this.connection.releaseSavepoint(this.savepoint);
			return null;
		}
		catch (SQLException ex) {
			if (!UNIQUE_VIOLATION.equals(ex.getSQLState()) && !NO_PARTITION.equals(ex.getSQLState())) {
				throw ex;
			}
			this.connection.rollback(this.savepoint);
			return ex.getSQLState();
		}
	}

	/** Cancels the COPY after {@code cause}, so that the transaction can roll back. */
	void abandon(Exception cause) {
		if (this.copy != null && this.copy.isActive()) {
			try {
				this.copy.cancelCopy();
			}
			catch (SQLException ex) {
				cause.addSuppressed(ex);
			}
		}
	}

}
