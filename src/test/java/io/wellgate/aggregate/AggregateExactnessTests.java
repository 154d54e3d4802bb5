package io.wellgate.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.wellgate.analytics.DailyStats;
import io.wellgate.analytics.DiagnosticQueries;
import io.wellgate.analytics.DiagnosticSummary;
import io.wellgate.analytics.HourlyBucket;
import io.wellgate.analytics.Performance;
import io.wellgate.analytics.PerformanceQueries;
import io.wellgate.analytics.PerformanceSummary;
import io.wellgate.analytics.TelemetryQueries;
import io.wellgate.analytics.Window;
import io.wellgate.diagnostic.DiagnosticSchema;
import io.wellgate.ingest.BulkWriter;
import io.wellgate.ingest.ParsedRow;
import io.wellgate.telemetry.TelemetryMetric;
import io.wellgate.telemetry.TelemetrySchema;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Property-style: random mixes of in-order, late, re-sent, updated and deleted rows for several
 * wells, with refreshes and retention runs at random points; after every step, every read of
 * every aggregate equals the ground truth over everything written (a shadow copy that retention
 * does not touch).
 */
@SpringBootTest
class AggregateExactnessTests {

	static final int STEPS = 30;

	@Autowired
	BulkWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AggregateEngine engine;

	@Autowired
	AggregateRetention retention;

	@Autowired
	TelemetryQueries telemetry;

	@Autowired
	PerformanceQueries performance;

	@Autowired
	DiagnosticQueries diagnostics;

	SplittableRandom random;

	List<String> wells;

	GroundTruth truth;

	Instant now = Instant.now();

	/** Days before this were dropped from raw by retention; nothing is written there any more. */
	Instant writable;

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void everyReadEqualsTheGroundTruthAfterEveryStep(long seed) {
		this.random = new SplittableRandom(seed);
		String run = UUID.randomUUID().toString().substring(0, 6);
		this.wells = List.of("prop-" + run + "-a", "prop-" + run + "-b", "prop-" + run + "-c");
		String shadow = "truth_" + run;
		this.jdbc.sql("CREATE TABLE " + shadow + "_t (LIKE esp_telemetry, PRIMARY KEY (well_id, time))").update();
		this.jdbc.sql("CREATE TABLE " + shadow + "_d (LIKE diagnostic_results, PRIMARY KEY (well_id, time, type))").update();
		this.truth = new GroundTruth(this.jdbc, shadow + "_t", shadow + "_d");
		this.writable = this.now.minus(29, ChronoUnit.DAYS);
		// History that retention will drop, materialized or not when it does.
		writeTelemetry(shadow, samples(this.now.minus(33, ChronoUnit.DAYS), 3 * 24 * 12, Duration5.MIN5));
		for (int step = 0; step < STEPS; step++) {
			int op = this.random.nextInt(10);
			switch (op) {
				case 0, 1 -> writeTelemetry(shadow, samples(this.now.minus(this.random.nextInt(1, 50), ChronoUnit.HOURS),
						this.random.nextInt(20, 200), Duration5.MIN1));
				case 2 -> writeTelemetry(shadow, lateSamples(this.random.nextInt(1, 40)));
				case 3 -> resend(shadow);
				case 4 -> mutate(shadow, "DELETE FROM %s WHERE well_id = :well AND time >= :from AND time < :to");
				case 5 -> mutate(shadow,
						"UPDATE %s SET vibration = coalesce(vibration, 0) + 0.4, motor_temperature = 260 WHERE well_id = :well AND time >= :from AND time < :to");
				case 6, 7 -> this.engine.refreshAll(this.random.nextBoolean() ? null
						: this.engine.definitions().get(this.random.nextInt(4)).aggregate(), null, null);
				case 8 -> this.retention.apply();
				default -> writeDiagnostics(shadow);
			}
			assertEveryReadIsExact("step " + step + " (op " + op + ")");
		}
	}

	private void assertEveryReadIsExact(String step) {
		List<Window> windows = List.of(new Window(this.now.minus(24, ChronoUnit.HOURS), this.now),
				new Window(this.now.minus(40, ChronoUnit.DAYS), this.now.plus(1, ChronoUnit.DAYS)), randomWindow());
		for (Window window : windows) {
			String where = step + " window " + window;
			assertHourly(where, window);
			assertDaily(where, window);
			assertPerformance(where, window);
			assertDiagnostics(where, window);
		}
	}

	private void assertHourly(String where, Window window) {
		List<HourlyBucket> actual = this.telemetry.hourly(this.wells, window);
		List<Map<String, Object>> expected = this.truth.hourly(this.wells, utc(window.from()), utc(window.to()));
		assertThat(actual).as(where + " hourly buckets").hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> e = expected.get(i);
			HourlyBucket a = actual.get(i);
			assertThat(a.wellId()).as(where).isEqualTo(e.get("well_id"));
			assertThat(a.bucket().toInstant()).as(where).isEqualTo(instant(e.get("bucket")));
			assertThat((long) a.samples()).as(where).isEqualTo(e.get("samples"));
			for (TelemetryMetric m : List.of(TelemetryMetric.FLOW_RATE, TelemetryMetric.INTAKE_PRESSURE,
					TelemetryMetric.VIBRATION, TelemetryMetric.POWER_KW)) {
				close(where + " " + m + " avg", a.range(m).avg(), e.get(m.column() + "_avg"));
				close(where + " " + m + " min", a.range(m).min(), e.get(m.column() + "_min"));
				close(where + " " + m + " max", a.range(m).max(), e.get(m.column() + "_max"));
			}
		}
	}

	private void assertDaily(String where, Window window) {
		List<DailyStats> actual = this.telemetry.daily(this.wells, window);
		List<Map<String, Object>> expected = this.truth.daily(this.wells, utc(window.from()), utc(window.to()));
		assertThat(actual).as(where + " days").hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> e = expected.get(i);
			DailyStats a = actual.get(i);
			assertThat((long) a.samples()).as(where).isEqualTo(e.get("samples"));
			assertThat(a.day()).as(where).isEqualTo(LocalDate.ofInstant(instant(e.get("day")), ZoneOffset.UTC));
			close(where + " temp avg", a.motorTemperature().avg(), e.get("motor_temperature_avg"));
			close(where + " temp min", a.motorTemperature().min(), e.get("motor_temperature_min"));
			close(where + " temp max", a.motorTemperature().max(), e.get("motor_temperature_max"));
			close(where + " temp stddev", a.motorTemperature().stddev(), e.get("motor_temperature_stddev"));
			close(where + " temp median", a.motorTemperature().median(), e.get("motor_temperature_median"));
			close(where + " flow stddev", a.flowRate().stddev(), e.get("flow_rate_stddev"));
			close(where + " flow median", a.flowRate().median(), e.get("flow_rate_median"));
		}
	}

	private void assertPerformance(String where, Window window) {
		List<Performance> hourly = this.performance.hourly(this.wells, window);
		List<Map<String, Object>> expectedHourly = this.truth.performance(this.wells, utc(window.from()), utc(window.to()), true);
		assertThat(hourly).as(where + " performance buckets").hasSize(expectedHourly.size());
		for (int i = 0; i < hourly.size(); i++) {
			assertScores(where + " performance " + i, hourly.get(i).samples(), hourly.get(i).efficiencyScore(),
					hourly.get(i).healthScore(), hourly.get(i).anomalyCount(), expectedHourly.get(i));
		}
		List<PerformanceSummary> summaries = this.performance.summaries(this.wells, window);
		List<PerformanceSummary> fleet = this.performance.summaries(null, window)
			.stream()
			.filter(s -> this.wells.contains(s.wellId()))
			.toList();
		List<Map<String, Object>> expected = this.truth.performance(this.wells, utc(window.from()), utc(window.to()), false);
		assertThat(summaries).as(where + " summaries").hasSize(expected.size());
		assertThat(fleet).as(where + " fleet summaries").hasSize(expected.size());
		for (List<PerformanceSummary> read : List.of(summaries, fleet)) {
			for (int i = 0; i < expected.size(); i++) {
				PerformanceSummary s = read.get(i);
				assertThat(s.wellId()).isEqualTo(expected.get(i).get("well_id"));
				assertScores(where + " summary " + s.wellId(), s.samples(), s.efficiencyScore(), s.healthScore(),
						s.anomalyCount(), expected.get(i));
			}
		}
		assertThat(ranking(summaries, true)).as(where + " efficiency ranking").isEqualTo(expectedRanking(expected, "efficiency"));
		assertThat(ranking(summaries, false)).as(where + " health ranking").isEqualTo(expectedRanking(expected, "health"));
	}

	private void assertDiagnostics(String where, Window window) {
		List<DiagnosticSummary> actual = this.diagnostics.daily(this.wells, window);
		List<DiagnosticSummary> fleet = this.diagnostics.daily(null, window)
			.stream()
			.filter(s -> this.wells.contains(s.wellId()))
			.toList();
		List<Map<String, Object>> expected = this.truth.diagnostics(this.wells, utc(window.from()), utc(window.to()));
		assertThat(actual).as(where + " diagnostic days").hasSize(expected.size());
		assertThat(fleet).as(where + " fleet diagnostics").isEqualTo(actual);
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> e = expected.get(i);
			DiagnosticSummary a = actual.get(i);
			assertThat(a.wellId()).as(where).isEqualTo(e.get("well_id"));
			assertThat((long) a.total()).as(where).isEqualTo(e.get("total"));
			assertThat((long) a.bySeverity().high()).as(where).isEqualTo(e.get("high"));
			long gasLock = a.byType().stream().filter(t -> t.type().equals("GAS_LOCK")).mapToLong(t -> t.count()).sum();
			assertThat(gasLock).as(where).isEqualTo(e.get("gas_lock"));
			close(where + " confidence avg", a.confidence().avg(), e.get("confidence_avg"));
			close(where + " confidence min", a.confidence().min(), e.get("confidence_min"));
			close(where + " confidence max", a.confidence().max(), e.get("confidence_max"));
		}
	}

	private void assertScores(String where, int samples, Double efficiency, Double health, int anomalies,
			Map<String, Object> expected) {
		assertThat((long) samples).as(where + " samples").isEqualTo(expected.get("samples"));
		close(where + " efficiency", efficiency, expected.get("efficiency"));
		close(where + " health", health, expected.get("health"));
		assertThat((long) anomalies).as(where + " anomalies").isEqualTo(expected.get("anomalies"));
	}

	private static List<String> ranking(List<PerformanceSummary> summaries, boolean efficiency) {
		return summaries.stream()
			.sorted(Comparator.comparing((PerformanceSummary s) -> efficiency ? s.efficiencyScore() : s.healthScore(),
					Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(PerformanceSummary::wellId))
			.map(PerformanceSummary::wellId)
			.toList();
	}

	private static List<String> expectedRanking(List<Map<String, Object>> rows, String score) {
		return rows.stream()
			.sorted(Comparator.comparing((Map<String, Object> r) -> toDouble(r.get(score)),
					Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(r -> (String) r.get("well_id")))
			.map(r -> (String) r.get("well_id"))
			.toList();
	}

	private static void close(String what, Double actual, Object expected) {
		Double e = toDouble(expected);
		if (e == null || actual == null) {
			assertThat(actual).as(what).isEqualTo(e);
			return;
		}
		assertThat(actual).as(what).isCloseTo(e, within(Math.max(1e-12, Math.abs(e) * 1e-9)));
	}

	private static Double toDouble(Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

	private Window randomWindow() {
		Instant from = this.now.minus(this.random.nextLong(0, 36 * 24 * 3600), ChronoUnit.SECONDS);
		return new Window(from, from.plus(this.random.nextLong(3600, 6 * 24 * 3600), ChronoUnit.SECONDS));
	}

	private static Instant instant(Object value) {
		return value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	// ---- writing, to the engine (through the real write path) and to the shadow copy ----

	enum Duration5 {

		MIN1(60), MIN5(300);

		final long seconds;

		Duration5(long seconds) {
			this.seconds = seconds;
		}

	}

	private List<Map<String, Object>> samples(Instant start, int count, Duration5 step) {
		List<Map<String, Object>> samples = new ArrayList<>();
		String well = this.wells.get(this.random.nextInt(this.wells.size()));
		Instant time = start.truncatedTo(ChronoUnit.SECONDS);
		for (int i = 0; i < count && time.isBefore(this.now); i++) {
			samples.add(sample(well, time));
			time = time.plusSeconds(step.seconds);
		}
		return samples;
	}

	private List<Map<String, Object>> lateSamples(int count) {
		List<Map<String, Object>> samples = new ArrayList<>();
		long span = this.now.getEpochSecond() - this.writable.getEpochSecond();
		for (int i = 0; i < count; i++) {
			Instant time = this.writable.plusSeconds(this.random.nextLong(0, span)).truncatedTo(ChronoUnit.SECONDS);
			samples.add(sample(this.wells.get(this.random.nextInt(this.wells.size())), time));
		}
		return samples;
	}

	private Map<String, Object> sample(String well, Instant time) {
		Map<String, Object> sample = new LinkedHashMap<>();
		sample.put("wellId", well);
		sample.put("time", time);
		sample.put("flowRate", maybe(500, 3000));
		sample.put("intakePressure", maybe(50, 1500));
		sample.put("dischargePressure", maybe(2000, 4000));
		sample.put("motorCurrent", maybe(30, 95));
		sample.put("motorTemperature", maybe(150, 270));
		sample.put("vibration", maybe(0.05, 0.8));
		sample.put("powerKw", this.random.nextInt(10) == 0 ? Double.valueOf(0) : maybe(50, 200));
		if (sample.values().stream().skip(2).allMatch(v -> v == null)) {
			sample.put("vibration", 0.2);
		}
		return sample;
	}

	private Double maybe(double min, double max) {
		return this.random.nextInt(8) == 0 ? null : min + this.random.nextDouble() * (max - min);
	}

	private void resend(String shadow) {
		List<Map<String, Object>> existing = this.jdbc.sql("SELECT well_id, time FROM " + shadow
				+ "_t WHERE time >= :writable ORDER BY random() LIMIT 30").param("writable", utc(this.writable)).query().listOfRows();
		List<Map<String, Object>> samples = new ArrayList<>();
		for (Map<String, Object> row : existing) {
			samples.add(sample((String) row.get("well_id"), instant(row.get("time"))));
		}
		writeTelemetry(shadow, samples);
	}

	private void mutate(String shadow, String sql) {
		String well = this.wells.get(this.random.nextInt(this.wells.size()));
		Instant from = this.writable.plusSeconds(this.random.nextLong(0, this.now.getEpochSecond() - this.writable.getEpochSecond()));
		Instant to = from.plus(this.random.nextInt(10, 300), ChronoUnit.MINUTES);
		for (String table : List.of("esp_telemetry", shadow + "_t")) {
			this.jdbc.sql(sql.formatted(table)).param("well", well).param("from", utc(from)).param("to", utc(to)).update();
		}
	}

	private void writeTelemetry(String shadow, List<Map<String, Object>> samples) {
		write(TelemetrySchema.TELEMETRY, samples);
		for (Map<String, Object> s : samples) {
			this.jdbc.sql("""
					INSERT INTO %s_t (well_id, time, flow_rate, intake_pressure, discharge_pressure, motor_current,
					                  motor_temperature, vibration, power_kw)
					VALUES (:wellId, :time, :flowRate, :intakePressure, :dischargePressure, :motorCurrent,
					        :motorTemperature, :vibration, :powerKw)
					ON CONFLICT (well_id, time) DO UPDATE
					SET flow_rate = EXCLUDED.flow_rate, intake_pressure = EXCLUDED.intake_pressure,
					    discharge_pressure = EXCLUDED.discharge_pressure, motor_current = EXCLUDED.motor_current,
					    motor_temperature = EXCLUDED.motor_temperature, vibration = EXCLUDED.vibration,
					    power_kw = EXCLUDED.power_kw
					""".formatted(shadow)).params(shadowParams(s)).update();
		}
	}

	private void writeDiagnostics(String shadow) {
		List<Map<String, Object>> results = new ArrayList<>();
		String[] types = { "GAS_LOCK", "PUMP_WEAR", "NORMAL" };
		String[] severities = { "LOW", "HIGH", "CRITICAL" };
		for (int i = 0; i < this.random.nextInt(1, 20); i++) {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("wellId", this.wells.get(this.random.nextInt(this.wells.size())));
			d.put("time", this.writable.plusSeconds(this.random.nextLong(0, 29L * 86400)).truncatedTo(ChronoUnit.HOURS));
			d.put("type", types[this.random.nextInt(3)]);
			d.put("severity", severities[this.random.nextInt(3)]);
			d.put("confidence", this.random.nextDouble());
			results.add(d);
		}
		write(DiagnosticSchema.DIAGNOSTICS, results);
		for (Map<String, Object> d : results) {
			this.jdbc.sql("""
					INSERT INTO %s_d (well_id, time, type, severity, confidence)
					VALUES (:wellId, :time, :type, :severity, :confidence)
					ON CONFLICT (well_id, time, type) DO UPDATE
					SET severity = EXCLUDED.severity, confidence = EXCLUDED.confidence
					""".formatted(shadow)).params(shadowParams(d)).update();
		}
	}

	private static Map<String, Object> shadowParams(Map<String, Object> values) {
		Map<String, Object> params = new HashMap<>(values);
		params.put("time", utc((Instant) values.get("time")));
		return params;
	}

	private void write(io.wellgate.ingest.RecordSchema schema, List<Map<String, Object>> rows) {
		Iterator<Map<String, Object>> iterator = rows.iterator();
		long[] line = { 0 };
		this.writer.write(schema, () -> iterator.hasNext() ? new ParsedRow(++line[0], iterator.next(), false, List.of()) : null);
	}

}
