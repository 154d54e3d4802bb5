package io.wellgate.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.wellgate.diagnostic.DiagnosisType;
import io.wellgate.diagnostic.Severity;
import io.wellgate.telemetry.TelemetryMetric;

/**
 * A deterministic ESP fleet: for a seed and a number of wells, the sensor values of any well at
 * any instant and the diagnostics a diagnosis engine would report. Everything is a pure function
 * of (seed, well, instant), so the demo's history and live stream agree, and a benchmark can
 * rebuild the same fleet of W wells by D days anywhere. Immutable, so threads may share one.
 */
public final class FleetGenerator {

	/** The seed of the demo fleet that the service loads. */
	public static final long DEMO_SEED = 20_240_917L;

	private static final List<TelemetryMetric> METRICS = TelemetryMetric.all();

	private final long seed;

	private final List<DemoWell> wells;

	private final List<WellProfile> profiles;

	private final EpisodeSchedule schedule;

	public FleetGenerator(long seed, int wells) {
		if (wells < 1) {
			throw new IllegalArgumentException("A fleet needs at least one well, got " + wells);
		}
		this.seed = seed;
		List<WellProfile> profiles = new ArrayList<>(wells);
		List<DemoWell> fleet = new ArrayList<>(wells);
		for (int index = 0; index < wells; index++) {
			WellProfile profile = WellProfile.draw(Seeds.random(seed, Seeds.PROFILE, index));
			profiles.add(profile);
			fleet.add(DemoWell.of(index, profile));
		}
		this.profiles = List.copyOf(profiles);
		this.wells = List.copyOf(fleet);
		this.schedule = new EpisodeSchedule(seed, wells);
	}

	public List<DemoWell> wells() {
		return this.wells;
	}

	/** What {@code well}'s sensors read at {@code time}. */
	public DemoSample sample(DemoWell well, Instant time) {
		WellProfile base = this.profiles.get(well.index());
		SplittableRandom noise = Seeds.random(this.seed, Seeds.NOISE + well.index(), time.toEpochMilli());
		double dayFraction = Math.floorMod(time.getEpochSecond(), 86_400L) / 86_400.0;
		Reading reading = Reading.healthy(base, Math.sin(2 * Math.PI * dayFraction + base.dailyPhase()), noise);
		Episode episode = this.schedule.active(well.index(), time);
		if (episode != null) {
			episode.disturb(reading, time, noise);
		}
		// The motor's input follows its current (the drive holds voltage and power factor).
		reading.powerKw = base.powerKw() * reading.motorCurrent / base.motorCurrent()
				* (1 + 0.01 * noise.nextGaussian());
		Map<TelemetryMetric, Double> metrics = reading.metrics();
		// Now and then a sensor misses a reading, and once in a while one is out for an hour.
		for (TelemetryMetric metric : METRICS) {
			if (noise.nextDouble() < 0.001) {
				metrics.remove(metric);
			}
		}
		SplittableRandom outage = Seeds.random(this.seed, Seeds.OUTAGE + well.index(),
				Math.floorDiv(time.getEpochSecond(), 3600L));
		if (outage.nextDouble() < 0.01) {
			metrics.remove(METRICS.get(outage.nextInt(METRICS.size())));
		}
		return new DemoSample(well.id(), time, metrics);
	}

	/**
	 * The findings stamped in {@code (after, upTo]}, by time: one per hour of every fault
	 * episode, escalating with it, and a NORMAL one at noon UTC for each well with no episode
	 * that day.
	 */
	public List<Finding> findings(Instant after, Instant upTo) {
		List<Finding> findings = new ArrayList<>();
		for (Episode episode : this.schedule.overlapping(after, upTo.plusNanos(1))) {
			for (Instant time = episode.start(); time.isBefore(episode.end()); time = time.plus(Duration.ofHours(1))) {
				if (time.isAfter(after) && !time.isAfter(upTo)) {
					findings.add(finding(episode.well(), time, episode.type(), episode.severity(time),
							0.55 + 0.4 * episode.level(time)));
				}
			}
		}
		LocalDate last = LocalDate.ofInstant(upTo, ZoneOffset.UTC);
		for (LocalDate day = LocalDate.ofInstant(after, ZoneOffset.UTC); !day.isAfter(last); day = day.plusDays(1)) {
			Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
			if (noon.isAfter(after) && !noon.isAfter(upTo)) {
				Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
				Set<Integer> troubled = new HashSet<>();
				this.schedule.overlapping(midnight, midnight.plus(Duration.ofDays(1)))
					.forEach(episode -> troubled.add(episode.well()));
				for (DemoWell well : this.wells) {
					if (!troubled.contains(well.index())) {
						findings.add(finding(well.index(), noon, DiagnosisType.NORMAL, Severity.LOW, 0.94));
					}
				}
			}
		}
		findings.sort(Comparator.comparing(Finding::time).thenComparing(Finding::wellId));
		return findings;
	}

	/** The episodes running at some instant of {@code [from, to)}; what tests expect to see. */
	List<Episode> episodes(Instant from, Instant to) {
		return this.schedule.overlapping(from, to);
	}

	/** The episode {@code well} is in at {@code time}, or {@code null}. */
	Episode episode(DemoWell well, Instant time) {
		return this.schedule.active(well.index(), time);
	}

	private Finding finding(int well, Instant time, DiagnosisType type, Severity severity, double confidence) {
		SplittableRandom random = Seeds.random(this.seed, Seeds.FINDING + well, time.getEpochSecond());
		double jittered = Math.max(0, Math.min(1, confidence + 0.05 * (random.nextDouble() - 0.5)));
		return new Finding(this.wells.get(well).id(), time, type, severity, Math.round(jittered * 1000) / 1000.0);
	}

}
