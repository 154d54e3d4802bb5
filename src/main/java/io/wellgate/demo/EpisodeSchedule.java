package io.wellgate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.wellgate.diagnostic.DiagnosisType;

/**
 * When which well has which fault. Time is cut into eight-hour slots aligned to the epoch; in
 * each slot one episode of two to six hours starts on a well drawn from the seed. Any 24 hours
 * therefore hold at least two episode starts, whatever the fleet's size, and an episode is found
 * from the instant alone, without remembering anything.
 */
final class EpisodeSchedule {

	static final Duration SLOT = Duration.ofHours(8);

	private static final long SLOT_SECONDS = SLOT.toSeconds();

	private static final long SHORTEST_MINUTES = 120;

	private static final long LONGEST_MINUTES = 360;

	private final long seed;

	private final int wells;

	EpisodeSchedule(long seed, int wells) {
		this.seed = seed;
		this.wells = wells;
	}

	Episode inSlot(long slot) {
		SplittableRandom random = Seeds.random(this.seed, Seeds.SCHEDULE, slot);
		int well = random.nextInt(this.wells);
		DiagnosisType type = Episode.TYPES.get(random.nextInt(Episode.TYPES.size()));
		Instant start = Instant.ofEpochSecond(slot * SLOT_SECONDS + random.nextLong(SLOT_SECONDS / 60) * 60);
		long minutes = SHORTEST_MINUTES + random.nextLong(LONGEST_MINUTES - SHORTEST_MINUTES + 1);
		return new Episode(well, type, start, start.plusSeconds(minutes * 60), random.nextDouble(0.75, 1));
	}

	/** The episode {@code well} is in at {@code time}, or {@code null} while it is healthy. */
	Episode active(int well, Instant time) {
		long slot = slotOf(time);
		// Episodes are shorter than a slot, so only this slot's and the previous one's can still
		// be running; when both hit the same well the later one shows.
		for (long candidate = slot; candidate >= slot - 1; candidate--) {
			Episode episode = inSlot(candidate);
			if (episode.well() == well && episode.covers(time)) {
				return episode;
			}
		}
		return null;
	}

	/** The episodes running at some instant of {@code [from, to)}, by start. */
	List<Episode> overlapping(Instant from, Instant to) {
		List<Episode> episodes = new ArrayList<>();
		for (long slot = slotOf(from) - 1; slot <= slotOf(to); slot++) {
			Episode episode = inSlot(slot);
			if (episode.start().isBefore(to) && episode.end().isAfter(from)) {
				episodes.add(episode);
			}
		}
		return episodes;
	}

	private static long slotOf(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), SLOT_SECONDS);
	}

}
