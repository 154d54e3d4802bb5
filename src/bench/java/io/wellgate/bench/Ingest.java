package io.wellgate.bench;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.wellgate.demo.DemoWell;

/**
 * Writes the fleet's rows: field-shaped over HTTP (an hour of minute batches of the whole fleet per
 * request, in time order), or one well (one request, one transaction) at a time over HTTP through
 * the service's bulk path (the backfill), or with a plain {@code COPY} into a scratch table: an unindexed one,
 * the physical limit the bulk path is held against, and one with {@code esp_telemetry}'s primary
 * key and time index, the limit for a table that refuses duplicates and finds recent rows fast.
 * Only the sending is timed; each body is rendered beforehand, so the generator's speed does not
 * count for either side.
 */
final class Ingest {

	/** The well ids of the backfill figure's scratch wells: {@code backfill-<the fleet's id>}. */
	static final String SCRATCH_PREFIX = "backfill-";

	private static final Duration HOUR = Duration.ofHours(1);

	private final FleetBodies bodies;

	private final ServiceHttp http;

	private final DataSource dataSource;

	Ingest(FleetBodies bodies, ServiceHttp http, DataSource dataSource) {
		this.bodies = bodies;
		this.http = http;
		this.dataSource = dataSource;
	}

	/**
	 * @param samples rows written
	 * @param nanos time spent writing (rendering excluded)
	 */
	record Rate(long samples, long nanos) {

		double perSecond() {
			return this.samples / (this.nanos / 1e9);
		}

		Rate plus(Rate other) {
			return new Rate(this.samples + other.samples, this.nanos + other.nanos);
		}

	}

	/** Every well's samples at each minute of {@code (after, upTo]} through {@code POST /api/v1/telemetry}. */
	Rate overHttp(Instant after, Instant upTo) {
		long samples = 0;
		long nanos = 0;
		for (DemoWell well : this.bodies.wells()) {
			HttpRequest request = this.http.ingest(this.bodies.ndjson(well, after, upTo));
			long started = System.nanoTime();
			String answer = this.http.send(request);
			nanos += System.nanoTime() - started;
			samples += accepted(answer);
		}
		return new Rate(samples, nanos);
	}

	/**
	 * Every well's samples at each minute of {@code (after, upTo]} as the field sends them: in time
	 * order, a request per hour of history, each holding that hour's 60 minute batches of the whole
	 * fleet (the last request the remaining minutes).
	 */
	Rate fieldShaped(Instant after, Instant upTo) {
		long samples = 0;
		long nanos = 0;
		for (Instant from = after; from.isBefore(upTo); from = from.plus(HOUR)) {
			Instant to = from.plus(HOUR).isBefore(upTo) ? from.plus(HOUR) : upTo;
			HttpRequest request = this.http.ingest(this.bodies.minutes(from, to));
			long started = System.nanoTime();
			String answer = this.http.send(request);
			nanos += System.nanoTime() - started;
			samples += accepted(answer);
		}
		return new Rate(samples, nanos);
	}

	/**
	 * The per-well backfill ({@link #overHttp}) of the first {@code wells} wells' samples of
	 * {@code (after, upTo]}, stamped with other well ids ({@link #SCRATCH_PREFIX}): into the
	 * service's tables beside the fleet, without replacing a sample of it.
	 */
	Rate backfillScratch(Instant after, Instant upTo, int wells) {
		long samples = 0;
		long nanos = 0;
		for (DemoWell well : this.bodies.wells().subList(0, Math.min(wells, this.bodies.wells().size()))) {
			HttpRequest request = this.http.ingest(this.bodies.ndjson(well, after, upTo, SCRATCH_PREFIX));
			long started = System.nanoTime();
			String answer = this.http.send(request);
			nanos += System.nanoTime() - started;
			samples += accepted(answer);
		}
		return new Rate(samples, nanos);
	}

	static long accepted(String answer) {
		return Long.parseLong(answer.replaceAll("\\D", ""));
	}

	/**
	 * The same rows with {@code COPY} into {@code scratch (LIKE esp_telemetry)}, dropped afterwards.
	 * @param indexed whether the scratch table has {@code esp_telemetry}'s indexes (not its partitions)
	 */
	Rate withCopy(Instant after, Instant upTo, boolean indexed) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			connection.createStatement().execute("DROP TABLE IF EXISTS scratch");
			connection.createStatement()
				.execute("CREATE TABLE scratch (LIKE esp_telemetry" + (indexed ? " INCLUDING INDEXES)" : ")"));
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			String sql = "COPY scratch (" + FleetBodies.csvColumns() + ") FROM STDIN (FORMAT csv)";
			long samples = 0;
			long nanos = 0;
			for (DemoWell well : this.bodies.wells()) {
				byte[] csv = this.bodies.csv(well, after, upTo);
				long started = System.nanoTime();
				samples += copy.copyIn(sql, new ByteArrayInputStream(csv));
				nanos += System.nanoTime() - started;
			}
			connection.createStatement().execute("DROP TABLE scratch");
			return new Rate(samples, nanos);
		}
	}

}
