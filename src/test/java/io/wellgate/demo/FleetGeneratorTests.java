package io.wellgate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.wellgate.diagnostic.DiagnosisType;
import io.wellgate.diagnostic.Severity;
import io.wellgate.telemetry.TelemetryMetric;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo fleet's model on its own: deterministic, inside the contract, and with faults that
 * make the contract's breach rules fire.
 */
class FleetGeneratorTests {

	private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

	private static final Duration MINUTE = Duration.ofMinutes(1);

	@Test
	void theSameSeedGivesTheSameFleetInAnyOrder() {
		FleetGenerator one = new FleetGenerator(42, 12);
		FleetGenerator other = new FleetGenerator(42, 12);
		assertThat(one.wells()).isEqualTo(other.wells());
		List<DemoSample> forward = new ArrayList<>();
		for (int minute = 0; minute < 3 * 1440; minute += 7) {
			for (DemoWell well : one.wells()) {
				forward.add(one.sample(well, START.plus(MINUTE.multipliedBy(minute))));
			}
		}
		List<DemoSample> backward = new ArrayList<>();
		for (int minute = (3 * 1440 - 1) / 7 * 7; minute >= 0; minute -= 7) {
			for (int index = 11; index >= 0; index--) {
				backward.add(other.sample(other.wells().get(index), START.plus(MINUTE.multipliedBy(minute))));
			}
		}
		Collections.reverse(backward);
		assertThat(backward).isEqualTo(forward);
		assertThat(other.findings(START, START.plus(Duration.ofDays(7))))
			.isEqualTo(one.findings(START, START.plus(Duration.ofDays(7))));
	}

	@Test
	void anotherSeedGivesAnotherFleet() {
		FleetGenerator one = new FleetGenerator(42, 3);
		FleetGenerator other = new FleetGenerator(43, 3);
		assertThat(other.wells()).extracting(DemoWell::id).isEqualTo(one.wells().stream().map(DemoWell::id).toList());
		assertThat(other.sample(other.wells().get(0), START)).isNotEqualTo(one.sample(one.wells().get(0), START));
		assertThat(other.findings(START, START.plus(Duration.ofDays(7))))
			.isNotEqualTo(one.findings(START, START.plus(Duration.ofDays(7))));
	}

	@Test
	void wellsHaveUniqueDemoIdsNamesAndFields() {
		List<DemoWell> wells = new FleetGenerator(7, 40).wells();
		assertThat(wells).extracting(DemoWell::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("demo-"));
		assertThat(wells).extracting(DemoWell::name).doesNotHaveDuplicates();
		assertThat(wells).extracting(DemoWell::field).containsOnly("Permian", "Eagle Ford", "Bakken");
		assertThat(wells.get(0).id()).isEqualTo("demo-permian-01");
		assertThat(wells).allMatch(well -> !well.pumpModel().isBlank());
	}

	@Test
	void everyValueStaysInsideTheContractsRanges() {
		FleetGenerator generator = new FleetGenerator(1, 12);
		forEachMinute(generator, Duration.ofDays(10), (sample, episode) -> {
			assertThat(sample.metrics()).isNotEmpty();
			sample.metrics()
				.forEach((metric, value) -> assertThat(value).as("%s of %s", metric, sample)
					.isBetween(metric.min(), metric.max()));
		});
	}

	@Test
	void aHealthyWellBreachesNoRuleAndRunsAt40To70PercentEfficiency() {
		FleetGenerator generator = new FleetGenerator(2, 12);
		forEachMinute(generator, Duration.ofDays(10), (sample, episode) -> {
			if (episode == null) {
				assertThat(breachedRules(sample)).as("%s", sample).isEmpty();
				Double hydraulic = hydraulicKw(sample);
				if (hydraulic != null) {
					assertThat(hydraulic / sample.metric(TelemetryMetric.POWER_KW)).isBetween(0.38, 0.72);
				}
			}
		});
	}

	@Test
	void everyKindOfFaultBreachesItsRule() {
		FleetGenerator generator = new FleetGenerator(3, 12);
		Map<DiagnosisType, Set<Episode>> seen = new EnumMap<>(DiagnosisType.class);
		Map<DiagnosisType, Set<Episode>> breaching = new EnumMap<>(DiagnosisType.class);
		forEachMinute(generator, Duration.ofDays(30), (sample, episode) -> {
			if (episode != null) {
				seen.computeIfAbsent(episode.type(), type -> new HashSet<>()).add(episode);
				if (breachedRules(sample).contains(ruleOf(episode.type()))) {
					breaching.computeIfAbsent(episode.type(), type -> new HashSet<>()).add(episode);
				}
			}
		});
		assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(Episode.TYPES);
		// An episode can be cut short by a later one on the same well, so not quite every one.
		seen.forEach((type, episodes) -> assertThat(breaching.get(type)).as("%s episodes that breach", type)
			.hasSizeGreaterThanOrEqualTo(episodes.size() * 8 / 10));
	}

	@Test
	void everyEpisodeIsReportedHourlyAndEscalates() {
		FleetGenerator generator = new FleetGenerator(4, 12);
		Instant end = START.plus(Duration.ofDays(10));
		List<Finding> findings = generator.findings(START.minusSeconds(1), end);
		for (Episode episode : generator.episodes(START, end.minus(Duration.ofHours(8)))) {
			if (episode.start().isBefore(START)) {
				continue;
			}
			String wellId = generator.wells().get(episode.well()).id();
			Set<Instant> hours = new HashSet<>();
			for (Instant hour = episode.start(); hour.isBefore(episode.end()); hour = hour.plus(Duration.ofHours(1))) {
				hours.add(hour);
			}
			List<Finding> reported = findings.stream()
				.filter(finding -> finding.wellId().equals(wellId) && finding.type() == episode.type()
						&& hours.contains(finding.time()))
				.toList();
			long expected = (Duration.between(episode.start(), episode.end()).toMinutes() + 59) / 60;
			assertThat(reported).as("findings of %s", episode).hasSize((int) expected);
			assertThat(reported.get(0).time()).isEqualTo(episode.start());
			assertThat(reported.get(0).severity()).isEqualTo(Severity.LOW);
			assertThat(reported).as("findings of %s", episode)
				.anyMatch(finding -> finding.severity().compareTo(Severity.LOW) > 0);
			assertThat(reported).allMatch(finding -> finding.confidence() >= 0 && finding.confidence() <= 1);
		}
	}

	@Test
	void aWellWithoutFaultsOnADayGetsOneNormalFindingAtNoon() {
		FleetGenerator generator = new FleetGenerator(5, 12);
		Instant day = START.plus(Duration.ofDays(3));
		Set<Integer> troubled = new HashSet<>();
		generator.episodes(day, day.plus(Duration.ofDays(1))).forEach(episode -> troubled.add(episode.well()));
		List<String> healthy = generator.wells()
			.stream()
			.filter(well -> !troubled.contains(well.index()))
			.map(DemoWell::id)
			.toList();
		List<Finding> normal = generator.findings(day, day.plus(Duration.ofDays(1)))
			.stream()
			.filter(finding -> finding.type() == DiagnosisType.NORMAL)
			.toList();
		assertThat(healthy).isNotEmpty();
		assertThat(normal).extracting(Finding::wellId).containsExactlyInAnyOrderElementsOf(healthy);
		assertThat(normal).allMatch(finding -> finding.time().equals(day.plus(Duration.ofHours(12))));
	}

	@Test
	void anyDayHoldsAFaultEvenInATwoWellFleet() {
		FleetGenerator generator = new FleetGenerator(FleetGenerator.DEMO_SEED, 2);
		for (int hour = 0; hour < 90 * 24; hour += 5) {
			Instant upTo = START.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(hour % 60));
			assertThat(generator.findings(upTo.minus(Duration.ofDays(1)), upTo))
				.as("findings of the day up to %s", upTo)
				.anyMatch(finding -> finding.type() != DiagnosisType.NORMAL);
		}
	}

	private static void forEachMinute(FleetGenerator generator, Duration span, SampleCheck check) {
		for (Instant time = START; time.isBefore(START.plus(span)); time = time.plus(MINUTE)) {
			for (DemoWell well : generator.wells()) {
				check.accept(generator.sample(well, time), generator.episode(well, time));
			}
		}
	}

	// The contract's default breach rules, by the fault that is built to trip them.
	private static String ruleOf(DiagnosisType type) {
		return switch (type) {
			case GAS_LOCK -> "lowIntake";
			case MOTOR_OVERHEAT -> "overheat";
			case PUMP_WEAR -> "vibration";
			case SAND_INGESTION -> "overcurrent";
			default -> throw new IllegalArgumentException(type.name());
		};
	}

	private static Set<String> breachedRules(DemoSample sample) {
		Set<String> rules = new HashSet<>();
		if (above(sample.metric(TelemetryMetric.VIBRATION), 0.5)) {
			rules.add("vibration");
		}
		if (above(sample.metric(TelemetryMetric.MOTOR_TEMPERATURE), 250)) {
			rules.add("overheat");
		}
		if (above(sample.metric(TelemetryMetric.MOTOR_CURRENT), 80)) {
			rules.add("overcurrent");
		}
		Double intake = sample.metric(TelemetryMetric.INTAKE_PRESSURE);
		if (intake != null && intake < 100) {
			rules.add("lowIntake");
		}
		return rules;
	}

	private static boolean above(Double value, double limit) {
		return value != null && value > limit;
	}

	private static Double hydraulicKw(DemoSample sample) {
		Double flow = sample.metric(TelemetryMetric.FLOW_RATE);
		Double intake = sample.metric(TelemetryMetric.INTAKE_PRESSURE);
		Double discharge = sample.metric(TelemetryMetric.DISCHARGE_PRESSURE);
		Double power = sample.metric(TelemetryMetric.POWER_KW);
		if (flow == null || intake == null || discharge == null || power == null) {
			return null;
		}
		return flow * (discharge - intake) * WellProfile.HYDRAULIC_KW;
	}

	@FunctionalInterface
	private interface SampleCheck {

		void accept(DemoSample sample, Episode episode);

	}

}
