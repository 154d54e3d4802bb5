package io.wellgate.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.analytics.HourlyBucket;
import io.wellgate.analytics.TelemetryQueries;
import io.wellgate.analytics.Window;
import io.wellgate.diagnostic.DiagnosticSchema;
import io.wellgate.ingest.BulkWriter.Route;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.wellgate.telemetry.TelemetrySchema;
import io.wellgate.telemetry.TelemetryMetric;
import io.wellgate.error.LineError;
import io.wellgate.error.BadInputException;

/**
 * The write path's routes against the real database: fresh records go straight into the table
 * (and still reach the aggregates), and whatever the table refuses (stored keys, keys repeated in
 * one write, days without a partition) is replayed with the same result as a merge, from memory
 * or from the spool's file; a bad record anywhere stores nothing.
 */
@SpringBootTest
class BulkWriterTests {

	@Autowired
	BulkWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AggregateEngine engine;

	@Autowired
	TelemetryQueries telemetry;

	String well;

	Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

	@BeforeEach
	void setUp() {
		this.well = "writer-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void freshSamplesGoStraightIntoTheTableExactly() {
		Map<String, Object> full = new LinkedHashMap<>();
		full.put("wellId", this.well);
		full.put("time", this.start.toString());
		for (TelemetryMetric metric : TelemetryMetric.values()) {
			full.put(metric.field(), metric.max() - 0.1 * (metric.ordinal() + 1));
		}
		List<Map<String, Object>> samples = new ArrayList<>(samples(this.well, this.start.plusSeconds(1), 2999, 1.0));
		samples.add(0, full);
		String subMicrosecond = this.start.minusSeconds(3600).atOffset(ZoneOffset.ofHoursMinutes(5, 30))
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.0000015xxx"));
		samples.add(Map.of("wellId", this.well, "time", subMicrosecond, "motorCurrent", -0.0, "vibration", 4.9e-324));
		long direct = this.writer.writes(Route.DIRECT);

		assertThat(write(TelemetrySchema.TELEMETRY, samples)).isEqualTo(3001);

		assertThat(this.writer.writes(Route.DIRECT)).isEqualTo(direct + 1);
		assertThat(count(this.well)).isEqualTo(3001);
		Map<String, Object> first = this.jdbc.sql("SELECT * FROM esp_telemetry WHERE well_id = :w AND time = :t")
			.param("w", this.well)
			.param("t", utc(this.start))
			.query()
			.singleRow();
		for (TelemetryMetric metric : TelemetryMetric.values()) {
			assertThat(first.get(metric.column())).as(metric.field()).isEqualTo(full.get(metric.field()));
		}
		assertThat(this.jdbc.sql("SELECT sum(flow_rate) FROM esp_telemetry WHERE well_id = :w AND time > :t")
			.param("w", this.well)
			.param("t", utc(this.start))
			.query(Double.class)
			.single()).isEqualTo(samples.stream().skip(1).limit(2999).mapToDouble(s -> (Double) s.get("flowRate")).sum());
		// The instant PostgreSQL itself makes of the text, down to its rounding of the sub-microsecond digits.
		assertThat(this.jdbc.sql("""
				SELECT time = CAST(:text AS timestamptz) AND motor_current::text = '-0' AND vibration = 4.9e-324
				       AND flow_rate IS NULL
				FROM esp_telemetry
				WHERE well_id = :w AND time < :t
				""")
			.param("text", subMicrosecond)
			.param("w", this.well)
			.param("t", utc(this.start))
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM wells WHERE id = :w").param("w", this.well).query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void lateSamplesWrittenStraightInAreCountedByTheAggregates() {
		write(TelemetrySchema.TELEMETRY, samples(this.well, this.start, 60, 1.0));
		this.engine.refreshAll(null, null, null);
		assertThat(hourly(this.well)).containsExactly(60);
		long direct = this.writer.writes(Route.DIRECT);

		write(TelemetrySchema.TELEMETRY, samples(this.well, this.start.plusMillis(500), 60, 1.0));

		assertThat(this.writer.writes(Route.DIRECT)).isEqualTo(direct + 1);
		// The materialized bucket is stale until the next refresh; the read knows it from the log.
		assertThat(hourly(this.well)).containsExactly(120);
		this.engine.refreshAll(null, null, null);
		assertThat(hourly(this.well)).containsExactly(120);
	}

	@Test
	void reSentSamplesAreMergedReplacingWhatWasStored() {
		write(TelemetrySchema.TELEMETRY, samples(this.well, this.start, 2000, 1.0));
		this.engine.refreshAll(null, null, null);
		long merged = this.writer.writes(Route.MERGE);
		List<Map<String, Object>> again = new ArrayList<>(samples(this.well, this.start.plusSeconds(1000), 2000, 5.0));

		assertThat(write(TelemetrySchema.TELEMETRY, again)).isEqualTo(2000);

		assertThat(this.writer.writes(Route.MERGE)).isEqualTo(merged + 1);
		assertThat(flowRates(this.well)).hasSize(3000)
			.startsWith(1.0, 2.0)
			.endsWith(5.0 + 1998 % 7, 5.0 + 1999 % 7);
		assertThat(flowRates(this.well).get(1000)).isEqualTo(5.0);
		assertThat(hourly(this.well).stream().mapToInt(Integer::intValue).sum()).isEqualTo(3000);
	}

	@Test
	void theLastOfAKeyRepeatedInOneWriteWins() {
		List<Map<String, Object>> samples = new ArrayList<>(samples(this.well, this.start, 1500, 1.0));
		samples.addAll(samples(this.well, this.start.plusSeconds(700), 1, 42.0));
		samples.addAll(samples(this.well, this.start.plusSeconds(1500), 1, 1.0));
		long merged = this.writer.writes(Route.MERGE);

		assertThat(write(TelemetrySchema.TELEMETRY, samples)).isEqualTo(1502);

		assertThat(this.writer.writes(Route.MERGE)).isEqualTo(merged + 1);
		assertThat(flowRates(this.well)).hasSize(1501);
		assertThat(flowRates(this.well).get(700)).isEqualTo(42.0);
	}

	@Test
	void backFilledDaysGetTheirPartitionsAndGoStraightIn() {
		Instant past = Instant.parse("2015-06-30T22:00:00Z");
		long again = this.writer.writes(Route.DIRECT_AFTER_PARTITIONS);

		assertThat(write(TelemetrySchema.TELEMETRY, samples(this.well, past, 3 * 3600, 1.0))).isEqualTo(3 * 3600);

		assertThat(this.writer.writes(Route.DIRECT_AFTER_PARTITIONS)).isEqualTo(again + 1);
		assertThat(count(this.well)).isEqualTo(3 * 3600);
		assertThat(this.jdbc.sql("SELECT count(*) FROM pg_class WHERE relname IN ('esp_telemetry_p20150630', 'esp_telemetry_p20150701')")
			.query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void backFilledDaysWithAStoredKeyAreMerged() {
		Instant past = Instant.parse("2016-03-01T23:59:00Z");
		write(TelemetrySchema.TELEMETRY, samples(this.well, this.start, 10, 1.0));
		List<Map<String, Object>> samples = new ArrayList<>(samples(this.well, past, 120, 3.0));
		samples.addAll(samples(this.well, this.start, 10, 9.0));
		long merged = this.writer.writes(Route.MERGE);

		assertThat(write(TelemetrySchema.TELEMETRY, samples)).isEqualTo(130);

		assertThat(this.writer.writes(Route.MERGE)).isEqualTo(merged + 1);
		assertThat(flowRates(this.well)).hasSize(130).startsWith(3.0, 4.0).endsWith(10.0, 11.0);
	}

	@Test
	void aWriteLargerThanTheSpoolsMemoryIsReplayedFromItsFile() throws IOException {
		// With every metric a sample takes 148 bytes in the spool: 70,000 are beyond its 8 MB.
		Instant from = Instant.now().minus(22, ChronoUnit.HOURS);
		write(TelemetrySchema.TELEMETRY, fullSamples(this.well, from, 70_000, 1.0));
		long spools = spoolFiles();
		long merged = this.writer.writes(Route.MERGE);

		assertThat(write(TelemetrySchema.TELEMETRY, fullSamples(this.well, from, 70_000, 2.0))).isEqualTo(70_000);

		assertThat(this.writer.writes(Route.MERGE)).isEqualTo(merged + 1);
		assertThat(this.jdbc.sql("SELECT count(*), min(flow_rate), max(flow_rate) FROM esp_telemetry WHERE well_id = :w")
			.param("w", this.well)
			.query((rs, n) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)))
			.single()).containsExactly(70_000.0, 2.0, 2.0);
		assertThat(spoolFiles()).isEqualTo(spools);
	}

	@Test
	void aBadRecordAfterARefusedCopyStoresNothing() throws IOException {
		Instant from = Instant.now().minus(22, ChronoUnit.HOURS);
		write(TelemetrySchema.TELEMETRY, fullSamples(this.well, from, 1000, 1.0));
		// Stored keys first, so that the table has refused the COPY by the time the bad record comes,
		// and enough to spill the spool to its file.
		List<Map<String, Object>> samples = new ArrayList<>(fullSamples(this.well, from, 70_000, 2.0));
		samples.add(Map.of("wellId", this.well, "time", from.minusSeconds(1).toString(), "vibration", 51.0));
		samples.addAll(fullSamples(this.well, from.minusSeconds(100), 10, 2.0));
		long spools = spoolFiles();

		assertThatThrownBy(() -> write(TelemetrySchema.TELEMETRY, samples)).isInstanceOfSatisfying(BadInputException.class,
				ex -> assertThat(ex.errors()).containsExactly(new LineError(70_001, "vibration",
						"must be between 0 and 50, got 51")));

		assertThat(this.jdbc.sql("SELECT count(*), max(flow_rate) FROM esp_telemetry WHERE well_id = :w")
			.param("w", this.well)
			.query((rs, n) -> List.of(rs.getDouble(1), rs.getDouble(2)))
			.single()).containsExactly(1000.0, 1.0);
		assertThat(spoolFiles()).isEqualTo(spools);
	}

	@Test
	void concurrentWritesOfTheSameNewKeysBothSucceedOneAfterTheOther() throws Exception {
		List<CompletableFuture<Long>> writes = new ArrayList<>();
		for (double flowRate : new double[] { 100.0, 200.0 }) {
			writes.add(CompletableFuture
				.supplyAsync(() -> write(TelemetrySchema.TELEMETRY, samples(this.well, this.start, 5000, flowRate))));
		}
		for (CompletableFuture<Long> write : writes) {
			assertThat(write.get(2, TimeUnit.MINUTES)).isEqualTo(5000);
		}

		// Each write is atomic, so the one committed last holds every key.
		List<Double> flowRates = flowRates(this.well);
		assertThat(flowRates).hasSize(5000);
		assertThat(flowRates.get(0)).isIn(100.0, 200.0);
		assertThat(flowRates).allSatisfy(f -> assertThat(Math.floor(f / 100)).isEqualTo(Math.floor(flowRates.get(0) / 100)));
	}

	@Test
	void diagnosticsTakeTheSameRoutes() {
		long direct = this.writer.writes(Route.DIRECT);
		long merged = this.writer.writes(Route.MERGE);
		write(DiagnosticSchema.DIAGNOSTICS, List.of(diagnostic("GAS_LOCK", "LOW", 0.5), diagnostic("PUMP_WEAR", "LOW", 0.25)));
		write(DiagnosticSchema.DIAGNOSTICS, List.of(diagnostic("GAS_LOCK", "HIGH", 0.75), diagnostic("OTHER", "LOW", 0.5),
				diagnostic("OTHER", "CRITICAL", 1.0)));

		assertThat(this.writer.writes(Route.DIRECT)).isEqualTo(direct + 1);
		assertThat(this.writer.writes(Route.MERGE)).isEqualTo(merged + 1);
		assertThat(this.jdbc.sql("SELECT type || ' ' || severity || ' ' || confidence FROM diagnostic_results WHERE well_id = :w ORDER BY type")
			.param("w", this.well)
			.query(String.class)
			.list()).containsExactly("GAS_LOCK HIGH 0.75", "OTHER CRITICAL 1", "PUMP_WEAR LOW 0.25");
	}

	private long write(RecordSchema schema, List<Map<String, Object>> records) {
		Iterator<Map<String, Object>> iterator = records.iterator();
		long[] line = { 0 };
		return this.writer.write(schema,
				() -> iterator.hasNext() ? new ParsedRow(++line[0], iterator.next(), false, List.of()) : null);
	}

	private static List<Map<String, Object>> samples(String well, Instant from, int count, double flowRate) {
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			samples.add(Map.of("wellId", well, "time", from.plusSeconds(i).toString(), "flowRate", flowRate + i % 7,
					"powerKw", 100.0));
		}
		return samples;
	}

	private static List<Map<String, Object>> fullSamples(String well, Instant from, int count, double flowRate) {
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> sample = new LinkedHashMap<>();
			sample.put("wellId", well);
			sample.put("time", from.plusSeconds(i).toString());
			for (TelemetryMetric metric : TelemetryMetric.values()) {
				sample.put(metric.field(), flowRate);
			}
			samples.add(sample);
		}
		return samples;
	}

	private Map<String, Object> diagnostic(String type, String severity, double confidence) {
		return Map.of("wellId", this.well, "time", this.start.toString(), "type", type, "severity", severity,
				"confidence", confidence);
	}

	private List<Integer> hourly(String well) {
		return this.telemetry.hourly(List.of(well), new Window(this.start.minus(1, ChronoUnit.DAYS), Instant.now()))
			.stream()
			.map(HourlyBucket::samples)
			.toList();
	}

	private List<Double> flowRates(String well) {
		return this.jdbc.sql("SELECT flow_rate FROM esp_telemetry WHERE well_id = :w ORDER BY time")
			.param("w", well)
			.query(Double.class)
			.list();
	}

	private int count(String well) {
		return this.jdbc.sql("SELECT count(*) FROM esp_telemetry WHERE well_id = :w")
			.param("w", well)
			.query(Integer.class)
			.single();
	}

	private static long spoolFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter(f -> f.getFileName().toString().startsWith("wellgate-ingest-")).count();
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
