package io.wellgate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wellgate.access.FieldScope;
import io.wellgate.error.OutsideFieldsException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.wellgate.error.LineError;
import io.wellgate.error.BadInputException;

/**
 * The one write path of wellgate, used by both bulk endpoints, both mutations and the demo
 * fleet. Records stream through validation into a binary {@code COPY} straight into the
 * partitioned table ({@link DirectCopy}), so that Java parses while PostgreSQL inserts. What is
 * streamed is spooled too: when the table refuses the COPY for want of partitions, they are
 * created and the spool copied again; when it refuses it for a key stored before or repeated,
 * the spool goes through the {@link StagedMerge}. The whole request is one transaction: a bad
 * record anywhere rolls everything back, and success is reported only after commit.
 */
@Component
public class BulkWriter implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

	private static final int FLUSH_BYTES = 1 << 16;

	/** A spool larger than this moves to a temporary file; a month of one well's minutes fits. */
	private static final long SPOOL_IN_MEMORY = 8L << 20;

	/**
	 * Registers the wells of a write that are not known yet, one statement for the whole write (a
	 * minute's batch of the fleet); a known well's row is neither locked nor rewritten. Their span
	 * of samples is not written here: the statement trigger has logged it, and reads take it from
	 * there until a refresh moves it into the registry (migration 0014). Widening every well's
	 * span here was an upsert of 1,000 rows after every minute batch of 1,000 wells: 10.6-11.9 ms
	 * on Debian's PostgreSQL 15, against 3.6 ms for this probe of the primary key.
	 */
	private static final String REGISTER_WELLS = """
			INSERT INTO wells (id)
			SELECT u.id
			FROM unnest(?::text[]) AS u(id)
			WHERE NOT EXISTS (SELECT 1 FROM wells w WHERE w.id = u.id)
			ON CONFLICT (id) DO NOTHING
			""";

	private static final String STORED_OUTSIDE_SCOPE = """
			SELECT id
			FROM wells
			WHERE id = ANY(?::text[])
			  AND (field IS NULL OR NOT field = ANY(?::text[]))
			""";

	private static final String WELLS_IN_SCOPE = """
			SELECT id
			FROM wells
			WHERE id = ANY(?::text[])
			  AND field = ANY(?::text[])
			""";

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Partitions partitions;

	private final Clock clock;

	private final IngestProperties settings;

	// Each write holds a pooled connection and briefly borrows a second one for partition DDL;
	// bounding concurrent writes keeps the pool from being drained by writes waiting on each other.
	private final Semaphore writers;

	private final Map<Route, LongAdder> routes = new EnumMap<>(Route.class);

	private final ApplicationEventPublisher events;

	BulkWriter(DataSource dataSource, PlatformTransactionManager transactions, Partitions partitions, Clock clock,
			IngestProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
		this.partitions = partitions;
		this.clock = clock;
		this.settings = properties;
		this.writers = new Semaphore(Math.max(1, this.settings.maxConcurrentWrites()), true);
		for (Route route : Route.values()) {
			this.routes.put(route, new LongAdder());
		}
	}

	/**
	 * Validates and stores every record of {@code source}, or none, for a caller who may write to
	 * every well (the demo fleet, the benchmark).
	 * @return how many records were accepted
	 * @throws BadInputException when any record is bad; nothing is stored then
	 */
	public long write(RecordSchema schema, RowSource source) {
		return write(schema, source, FieldScope.ALL);
	}

	/**
	 * Validates and stores every record of {@code source}, or none.
	 * @param scope the fields the caller may write to: a record of a well outside them (or of a
	 * well not registered yet, when the scope is restricted) refuses the whole request
	 * @return how many records were accepted
	 * @throws BadInputException when any record is bad; nothing is stored then
	 * @throws OutsideFieldsException when a record's well is outside the scope; nothing is stored
	 */
	public long write(RecordSchema schema, RowSource source, FieldScope scope) {
		try {
			this.writers.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to write", ex);
		}
		try {
			Stored stored = this.transaction.execute(status -> store(schema, source, scope));
			if (stored == null || stored.route() == null) {
				return 0;
			}
			this.routes.get(stored.route()).increment();
			if (stored.accepted() > 0) {
				this.events.publishEvent(new TableWritten(schema.table(), stored.accepted()));
			}
			return stored.accepted();
		}
		finally {
			this.writers.release();
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Route route : Route.values()) {
			FunctionCounter.builder("wellgate.ingest.writes", this.routes.get(route), LongAdder::sum)
				.description("Committed writes, by how their records reached the table")
				.tag("route", route.name().toLowerCase())
				.register(registry);
		}
	}

	/** How many writes were committed by {@code route} since start. */
	public long writes(Route route) {
		return this.routes.get(route).sum();
	}

	private Stored store(RecordSchema schema, RowSource source, FieldScope scope) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (Spool spool = new Spool(SPOOL_IN_MEMORY)) {
			DirectCopy direct = new DirectCopy(connection, schema);
			Received received;
			try {
				received = receive(schema, source, spool, direct);
			}
			catch (IOException ex) {
				direct.abandon(ex);
				throw new UncheckedIOException("Could not read the request body", ex);
			}
			catch (RuntimeException | SQLException ex) {
				direct.abandon(ex);
				throw ex;
			}
			if (received.accepted() == 0) {
				return new Stored(0, null);
			}
			Route route = Route.DIRECT;
			String refusal = direct.finish();
			if (refusal != null) {
				log.debug("The table refused the COPY of {} {}s ({}); replaying them", received.accepted(),
						schema.noun(), refusal);
				// Partition DDL waits for every transaction that wrote to the table; this one holds no
				// lock there since the rollback to the savepoint, and takes none until the DDL commits.
				this.partitions.ensure(schema.table(), received.days());
				route = DirectCopy.NO_PARTITION.equals(refusal) ? copyAgain(connection, schema, spool) : Route.MERGE;
				if (route == Route.MERGE) {
					StagedMerge.run(connection, schema, spool);
				}
			}
			// Checked once the rows are in (their wells are known only then); throwing rolls them back.
			// A registry write is also refused for a stored well outside the scope: once the rows are
			// in, its field is the new one, so the stored one is read as committed.
			if (!schema.registersWells()) {
				refuseStoredOutside(received.wells(), scope);
			}
			refuseOutside(connection, received.wells(), scope);
			if (schema.registersWells()) {
				registerWells(connection, received.wells());
			}
			return new Stored(received.accepted(), route);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the " + schema.noun() + "s", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not replay the spooled " + schema.noun() + "s", ex);
		}
	}

	/**
	 * Reads, validates and streams every record into the direct COPY and the spool; after the
	 * first bad record, only validates, to report every bad line.
	 */
	private Received receive(RecordSchema schema, RowSource source, Spool spool, DirectCopy direct)
			throws IOException, SQLException {
		int wellColumn = indexOf(schema, Field.Kind.WELL_ID);
		int timeColumn = schema.fields().stream().map(Field::kind).toList().indexOf(Field.Kind.TIME);
		RowValidator validator = new RowValidator(schema, this.clock, this.settings.futureTolerance());
		Object[] values = new Object[schema.fields().size()];
		List<LineError> errors = new ArrayList<>();
		long badLines = 0;
		long accepted = 0;
		Set<String> wells = new HashSet<>();
		Set<Long> days = new HashSet<>();
		BinaryCopy buffer = new BinaryCopy(schema.fields(), FLUSH_BYTES + 1024);
		String lastWell = null;
		long lastDay = Long.MIN_VALUE;
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
			// Bodies come grouped by well and by time: only a change needs the sets.
			String well = (String) values[wellColumn];
			if (!well.equals(lastWell)) {
				wells.add(well);
				lastWell = well;
			}
			if (timeColumn >= 0) {
				Instant time = (Instant) values[timeColumn];
				long day = Math.floorDiv(time.getEpochSecond(), 86_400L);
				if (day != lastDay) {
					days.add(day);
					lastDay = day;
				}
			}
			buffer.append(values);
			if (buffer.size() >= FLUSH_BYTES) {
				flush(buffer, spool, direct);
			}
		}
		if (badLines > 0) {
			throw new BadInputException(errors, badLines);
		}
		flush(buffer, spool, direct);
		return new Received(accepted, wells, days.stream().map(LocalDate::ofEpochDay).toList());
	}

	private static void flush(BinaryCopy buffer, Spool spool, DirectCopy direct) throws SQLException {
		if (buffer.size() == 0) {
			return;
		}
		spool.write(buffer.bytes(), 0, buffer.size());
		direct.write(buffer.bytes(), 0, buffer.size());
		buffer.clear();
	}

	/** The spool once more straight into the table, now that its partitions exist; else merged. */
	private static Route copyAgain(Connection connection, RecordSchema schema, Spool spool)
			throws IOException, SQLException {
		DirectCopy again = new DirectCopy(connection, schema);
		try {
			again.writeAll(spool);
		}
		catch (Exception ex) {
			again.abandon(ex);
			throw ex;
		}
		return (again.finish() == null) ? Route.DIRECT_AFTER_PARTITIONS : Route.MERGE;
	}

	/** Refuses the write when any of its wells is stored, as committed, outside the scope's fields. */
	private void refuseStoredOutside(Set<String> wells, FieldScope scope) throws SQLException {
		if (scope.unrestricted()) {
			return;
		}
		Set<String> outside = new TreeSet<>();
		try (Connection committed = this.dataSource.getConnection();
				PreparedStatement statement = committed.prepareStatement(STORED_OUTSIDE_SCOPE)) {
			statement.setArray(1, committed.createArrayOf("text", wells.toArray()));
			statement.setArray(2, committed.createArrayOf("text", scope.names().toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					outside.add(rows.getString(1));
				}
			}
		}
		if (!outside.isEmpty()) {
			throw new OutsideFieldsException(outside.stream().limit(10).toList(), scope.names());
		}
	}

	/** Refuses the write when any of its wells is not registered in one of the scope's fields. */
	private static void refuseOutside(Connection connection, Set<String> wells, FieldScope scope) throws SQLException {
		if (scope.unrestricted()) {
			return;
		}
		Set<String> outside = new TreeSet<>(wells);
		try (PreparedStatement statement = connection.prepareStatement(WELLS_IN_SCOPE)) {
			statement.setArray(1, connection.createArrayOf("text", wells.toArray()));
			statement.setArray(2, connection.createArrayOf("text", scope.names().toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					outside.remove(rows.getString(1));
				}
			}
		}
		if (!outside.isEmpty()) {
			throw new OutsideFieldsException(outside.stream().limit(10).toList(), scope.names());
		}
	}

	/** In sorted order, so that two writes registering the same new wells never deadlock. */
	private static void registerWells(Connection connection, Set<String> wells) throws SQLException {
		String[] ids = wells.stream().sorted().toArray(String[]::new);
		try (PreparedStatement statement = connection.prepareStatement(REGISTER_WELLS)) {
			statement.setArray(1, connection.createArrayOf("text", ids));
			statement.executeUpdate();
		}
	}

	private static int indexOf(RecordSchema schema, Field.Kind kind) {
		for (int i = 0; i < schema.fields().size(); i++) {
			if (schema.fields().get(i).kind() == kind) {
				return i;
			}
		}
		throw new IllegalArgumentException(schema.noun() + " has no " + kind + " field");
	}

	/** How a write's records reached the table. */
	public enum Route {

		/** One COPY, straight in: the common case. */
		DIRECT,

		/** Again straight in, after creating the partitions of back-filled days. */
		DIRECT_AFTER_PARTITIONS,

		/** Through the staging table and the merge: keys stored before or repeated. */
		MERGE

	}

	/**
	 * @param accepted how many records were good
	 * @param wells the distinct well ids
	 * @param days the distinct UTC days
	 */
	private record Received(long accepted, Set<String> wells, List<LocalDate> days) {
	}

	/**
	 * @param accepted how many records were stored
	 * @param route how, or {@code null} when there was nothing to store
	 */
	private record Stored(long accepted, Route route) {
	}

}
