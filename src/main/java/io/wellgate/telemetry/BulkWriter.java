package io.wellgate.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.wellgate.system.WellgateProperties;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one write path of wellgate, used by both bulk endpoints, both mutations and the demo
 * fleet: records stream through validation into a PostgreSQL {@code COPY} to a session staging
 * table, then one {@code INSERT ... ON CONFLICT DO UPDATE} merges them. The whole request is one
 * transaction: a bad record anywhere rolls everything back, and success is reported only after
 * commit.
 */
@Component
public class BulkWriter {

	private static final int FLUSH_BYTES = 1 << 16;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Partitions partitions;

	private final Clock clock;

	private final WellgateProperties.Ingest settings;

	// Each write holds a pooled connection and briefly borrows a second one for partition DDL;
	// bounding concurrent writes keeps the pool from being drained by writes waiting on each other.
	private final Semaphore writers;

	BulkWriter(DataSource dataSource, PlatformTransactionManager transactions, Partitions partitions, Clock clock,
			WellgateProperties properties) {
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
		this.partitions = partitions;
		this.clock = clock;
		this.settings = properties.ingest();
		this.writers = new Semaphore(Math.max(1, this.settings.maxConcurrentWrites()), true);
	}

	/**
	 * Validates and stores every record of {@code source}, or none.
	 * @return how many records were accepted
	 * @throws BadInputException when any record is bad; nothing is stored then
	 */
	public long write(RecordSchema schema, RowSource source) {
		try {
			this.writers.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to write", ex);
		}
		try {
			Long accepted = this.transaction.execute(status -> copyAndMerge(schema, source));
			return accepted == null ? 0 : accepted;
		}
		finally {
			this.writers.release();
		}
	}

	private long copyAndMerge(RecordSchema schema, RowSource source) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			try (Statement statement = connection.createStatement()) {
				statement.execute(schema.stagingDdl());
			}
			int timeColumn = indexOf(schema, Field.Kind.TIME);
			RowValidator validator = new RowValidator(schema, this.clock, this.settings.futureTolerance());
			Object[] values = new Object[schema.fields().size()];
			List<LineError> errors = new ArrayList<>();
			long badLines = 0;
			long accepted = 0;
			Set<Long> days = new HashSet<>();
			StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 1024);
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + schema.stagingTable() + " FROM STDIN");
			try {
				ParsedRow row;
				while ((row = source.next()) != null) {
					List<LineError> problems = validator.validate(row, values);
					if (!problems.isEmpty()) {
						badLines++;
						for (LineError problem : problems) {
							if (errors.size() < this.settings.maxReportedErrors()) {
								errors.add(problem);
							}
						}
						continue;
					}
					accepted++;
					if (badLines > 0) {
						continue;
					}
					days.add(Math.floorDiv(((Instant) values[timeColumn]).getEpochSecond(), 86_400L));
					appendCopyLine(buffer, row.line(), values);
					if (buffer.length() >= FLUSH_BYTES) {
						flush(copy, buffer);
					}
				}
				if (badLines > 0) {
					copy.cancelCopy();
					throw new BadInputException(errors, badLines);
				}
				flush(copy, buffer);
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			if (accepted == 0) {
				return 0;
			}
			this.partitions.ensure(schema.table(), days.stream().map(LocalDate::ofEpochDay).toList());
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO wells (id) SELECT DISTINCT well_id FROM " + schema.stagingTable()
						+ " ON CONFLICT (id) DO NOTHING");
				merge(connection, statement, schema);
			}
			return accepted;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the " + schema.noun() + "s", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the request body", ex);
		}
	}

	/**
	 * Merges without sorting when no key repeats, which is the common case; a repeated key makes
	 * PostgreSQL refuse that statement (21000), and the merge is redone with the last line winning.
	 */
	private static void merge(Connection connection, Statement statement, RecordSchema schema) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			statement.executeUpdate(schema.merge(false));
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ex) {
			if (!"21000".equals(ex.getSQLState())) {
				throw ex;
			}
			connection.rollback(savepoint);
			statement.executeUpdate(schema.merge(true));
		}
	}

	private static void appendCopyLine(StringBuilder buffer, long line, Object[] values) {
		buffer.append(line);
		for (Object value : values) {
			buffer.append('\t');
			if (value == null) {
				buffer.append("\\N");
			}
			else {
				// Well ids, enum names, instants and numbers never contain tab, newline or backslash.
				buffer.append(value);
			}
		}
		buffer.append('\n');
	}

	private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
		if (buffer.isEmpty()) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	private static int indexOf(RecordSchema schema, Field.Kind kind) {
		for (int i = 0; i < schema.fields().size(); i++) {
			if (schema.fields().get(i).kind() == kind) {
				return i;
			}
		}
		throw new IllegalArgumentException(schema.noun() + " has no " + kind + " field");
	}

}
