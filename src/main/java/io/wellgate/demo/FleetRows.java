package io.wellgate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.wellgate.ingest.ParsedRow;
import io.wellgate.ingest.RowSource;

/**
 * Feeds generated records into the bulk write path ({@code BulkWriter}) one at a time, so that a
 * fleet of any size streams through ingestion without being held in memory.
 */
public final class FleetRows {

	private FleetRows() {
	}

	/**
	 * The samples of {@code wells} at every multiple of {@code step} (counted from the epoch) in
	 * {@code (after, upTo]}, well by well, each generated as it is read.
	 */
	public static RowSource samples(FleetGenerator generator, List<DemoWell> wells, Instant after, Instant upTo,
			Duration step) {
		long stepMillis = step.toMillis();
		if (stepMillis < 1) {
			throw new IllegalArgumentException("The step must be at least a millisecond, got " + step);
		}
		long first = Math.floorDiv(after.toEpochMilli(), stepMillis) + 1;
		long last = Math.floorDiv(upTo.toEpochMilli(), stepMillis);
		Iterator<DemoSample> samples = new Iterator<>() {

			private int well;

			private long tick = first;

			@Override
			public boolean hasNext() {
				return this.well < wells.size() && first <= last;
			}

			@Override
			public DemoSample next() {
				DemoSample sample = generator.sample(wells.get(this.well), Instant.ofEpochMilli(this.tick * stepMillis));
				if (++this.tick > last) {
					this.tick = first;
					this.well++;
				}
				return sample;
			}

		};
		return rows(samples, DemoSample::values);
	}

	/** How many samples {@link #samples} gives per well. */
	public static long samplesPerWell(Instant after, Instant upTo, Duration step) {
		long stepMillis = step.toMillis();
		return Math.max(0, Math.floorDiv(upTo.toEpochMilli(), stepMillis) - Math.floorDiv(after.toEpochMilli(), stepMillis));
	}

	/** The wells as registry records, for the registry's write path. */
	public static RowSource wells(List<DemoWell> wells) {
		return rows(wells.iterator(), DemoWell::values);
	}

	public static RowSource findings(List<Finding> findings) {
		return rows(findings.iterator(), Finding::values);
	}

	private static <T> RowSource rows(Iterator<T> records, Function<T, Map<String, Object>> values) {
		long[] line = { 0 };
		return () -> records.hasNext() ? new ParsedRow(++line[0], values.apply(records.next()), false, List.of())
				: null;
	}

}
