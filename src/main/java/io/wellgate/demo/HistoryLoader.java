package io.wellgate.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wellgate.diagnostic.DiagnosticSchema;
import io.wellgate.ingest.BulkWriter;
import io.wellgate.ingest.RowSource;
import io.wellgate.telemetry.TelemetrySchema;
import io.wellgate.well.WellSchema;

/**
 * Loads the demo fleet's past: registers the wells, writes {@code days} of one-minute samples
 * ending at the current minute, then the diagnostics of the same window, all through the bulk
 * write path that real clients use.
 */
final class HistoryLoader {

	private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);

	static final Duration STEP = Duration.ofMinutes(1);

	private final FleetGenerator generator;

	private final BulkWriter writer;

	private final BooleanSupplier stopping;

	HistoryLoader(FleetGenerator generator, BulkWriter writer, BooleanSupplier stopping) {
		this.generator = generator;
		this.writer = writer;
		this.stopping = stopping;
	}

	LoadReport load(Instant now, int days) {
		long started = System.nanoTime();
		List<DemoWell> wells = this.generator.wells();
		Instant upTo = now.truncatedTo(ChronoUnit.MINUTES);
		Instant after = upTo.minus(Duration.ofDays(days));
		log.info("Loading the demo fleet in the background: {} wells, {} of one-minute history, {} samples",
				wells.size(), (days == 1) ? "1 day" : days + " days",
				count(wells.size() * FleetRows.samplesPerWell(after, upTo, STEP)));
		// Through the registry's write path, as any client registers its wells.
		this.writer.write(WellSchema.WELLS, FleetRows.wells(wells));
		long samples = 0;
		// One write per well: each is a transaction of its own, so other writers get a turn in
		// between, and a shutdown part way leaves whole wells behind.
		for (DemoWell well : wells) {
			samples += this.writer.write(TelemetrySchema.TELEMETRY,
					stoppable(FleetRows.samples(this.generator, List.of(well), after, upTo, STEP)));
		}
		long diagnostics = this.writer.write(DiagnosticSchema.DIAGNOSTICS,
				stoppable(FleetRows.findings(this.generator.findings(after, upTo))));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		log.info("Demo fleet loaded: {} samples and {} diagnostics for {} wells in {} s", count(samples),
				count(diagnostics), wells.size(), String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0));
		return new LoadReport(wells.size(), after, upTo, samples, diagnostics, took);
	}

	// Throwing rolls the running write back, so that a shutdown does not wait for a whole well.
	private RowSource stoppable(RowSource rows) {
		return () -> {
			if (this.stopping.getAsBoolean()) {
				throw new CancellationException("The service is shutting down");
			}
			return rows.next();
		};
	}

	private static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
