package io.wellgate.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wellgate.diagnostic.DiagnosticSchema;
import io.wellgate.ingest.BulkWriter;
import io.wellgate.telemetry.TelemetrySchema;

/**
 * Keeps the demo fleet alive after its history: on every tick, writes each well's samples at the
 * multiples of the stream interval since the last tick (normally one) and any findings that came
 * due. Because it writes from where the last write ended, the minute or so that loading the
 * history took is filled in by the first tick.
 */
final class LiveStream {

	private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

	// After a stall (a suspended laptop, a database outage) fill at most this much of the gap,
	// so that one tick never becomes a bulk load.
	private static final Duration MAX_CATCH_UP = Duration.ofHours(1);

	private final FleetGenerator generator;

	private final BulkWriter writer;

	private final Clock clock;

	private final Duration interval;

	private final BooleanSupplier stopping;

	private Instant streamedUpTo;

	private boolean failing;

	LiveStream(FleetGenerator generator, BulkWriter writer, Clock clock, Duration interval, Instant streamedUpTo,
			BooleanSupplier stopping) {
		this.generator = generator;
		this.writer = writer;
		this.clock = clock;
		this.interval = interval;
		this.streamedUpTo = streamedUpTo;
		this.stopping = stopping;
	}

	/** Runs on the demo's one thread; never throws, or the schedule would silently stop. */
	void tick() {
		Instant now = this.clock.instant();
		Instant after = this.streamedUpTo.isBefore(now.minus(MAX_CATCH_UP)) ? now.minus(MAX_CATCH_UP)
				: this.streamedUpTo;
		try {
			if (FleetRows.samplesPerWell(after, now, this.interval) > 0) {
				this.writer.write(TelemetrySchema.TELEMETRY,
						FleetRows.samples(this.generator, this.generator.wells(), after, now, this.interval));
			}
			List<Finding> findings = this.generator.findings(after, now);
			if (!findings.isEmpty()) {
				this.writer.write(DiagnosticSchema.DIAGNOSTICS, FleetRows.findings(findings));
			}
			this.streamedUpTo = now;
			if (this.failing) {
				log.info("The demo stream is writing again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing && !this.stopping.getAsBoolean()) {
				log.warn("The demo stream could not write; retrying every {}", describe(this.interval), ex);
				this.failing = true;
			}
		}
	}

	/** An interval as it is configured: {@code 10s}, {@code 500ms}. */
	static String describe(Duration interval) {
		return (interval.toMillis() % 1000 == 0) ? interval.toSeconds() + "s" : interval.toMillis() + "ms";
	}

}
