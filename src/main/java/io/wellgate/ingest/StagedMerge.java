package io.wellgate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The write path for what the table refuses to take as a plain insert: the spooled records are
 * copied into the session's staging table, each with its line, then merged with
 * {@code INSERT ... ON CONFLICT DO UPDATE}, so that a stored key is replaced and, within the
 * write, the last line of a key wins.
 */
final class StagedMerge {

	private static final String CARDINALITY_VIOLATION = "21000";

	private StagedMerge() {
	}

	static void run(Connection connection, RecordSchema schema, Spool spool) throws IOException, SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(schema.stagingDdl());
		}
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(schema.stagingCopy());
		try (InputStream records = spool.open()) {
			copy.writeToCopy(BinaryCopy.HEADER, 0, BinaryCopy.HEADER.length);
			BinaryCopy.withOrdinals(records, copy::writeToCopy);
			copy.writeToCopy(BinaryCopy.TRAILER, 0, BinaryCopy.TRAILER.length);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		try (Statement statement = connection.createStatement()) {
			merge(connection, statement, schema);
		}
	}

	/**
	 * Merges without sorting when no key repeats; a repeated key makes PostgreSQL refuse that
	 * statement (21000), and the merge is redone with the last line winning.
	 */
	private static void merge(Connection connection, Statement statement, RecordSchema schema) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			statement.executeUpdate(schema.merge(false));
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ex) {
			if (!CARDINALITY_VIOLATION.equals(ex.getSQLState())) {
				throw ex;
			}
			connection.rollback(savepoint);
			statement.executeUpdate(schema.merge(true));
		}
	}

}
