package io.wellgate.live;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Versions of the data as the change feed reports it: a number that grows with every batch, the
 * batch's number recorded for each well it changed, for the fleet (any well), and for
 * "everything" (after an outage of the feed). What an answer read has the version of the newest
 * of those; with the hour it was asked in (relative windows move when an hourly bucket leaves
 * them, a daily one at a day's start, which is an hour's too) that is what its ETag and its cache
 * entry are valid for.
 * <p>
 * An answer takes the version before it runs: a change committed meanwhile then makes its
 * version old at once, never the other way round.
 */
final class DataVersions implements Consumer<ChangeBatch> {

	private final AtomicLong sequence = new AtomicLong();

	private final Map<String, Long> wells = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile long fleet;

	private volatile long everything;

	DataVersions(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void accept(ChangeBatch batch) {
		long version = this.sequence.incrementAndGet();
		if (batch.everything()) {
			this.everything = version;
		}
		for (Change change : batch.changes()) {
			this.wells.put(change.wellId(), version);
		}
		this.fleet = version;
	}

	/** The version of what {@code plan} reads. */
	long of(ReadPlan plan) {
		if (plan.fleet()) {
			return this.fleet;
		}
		long version = this.everything;
		for (String well : plan.wells()) {
			version = Math.max(version, this.wells.getOrDefault(well, 0L));
		}
		return version;
	}

	/** The hour being asked in, as hours since the epoch. */
	long hour() {
		return this.clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond() / 3600;
	}

}
