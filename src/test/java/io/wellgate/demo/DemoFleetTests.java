package io.wellgate.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wellgate.diagnostic.DiagnosisType;
import io.wellgate.diagnostic.Severity;
import io.wellgate.telemetry.TelemetryMetric;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo fleet in a running service on the embedded database: a small fleet (two wells, one
 * day) loaded through the bulk write path at start, then streamed every second.
 */
@SpringBootTest(properties = { "wellgate.demo.enabled=true", "wellgate.demo.wells=2", "wellgate.demo.days=1",
		"wellgate.demo.stream-interval=1s" })
// Closing the context stops the stream, which would otherwise write on through later test classes.
@DirtiesContext
class DemoFleetTests {

	@Autowired
	private DemoFleet fleet;

	@Autowired
	private JdbcClient jdbc;

	private LoadReport report;

	private String[] ids;

	@BeforeEach
	void waitForTheHistory() throws Exception {
		this.report = this.fleet.loaded().get(3, TimeUnit.MINUTES);
		this.ids = this.fleet.generator().wells().stream().map(DemoWell::id).toArray(String[]::new);
	}

	@Test
	void theHistoryIsMaterializedAsSoonAsItIsLoaded() {
		Integer hours = this.jdbc.sql("""
				SELECT count(*)
				FROM telemetry_hourly
				WHERE well_id = ANY(:ids)
				  AND bucket < date_trunc('hour', now())
				""").param("ids", this.ids).query(Integer.class).single();

		// One day of history per well: its complete hours are in the aggregate, not left pending.
		assertThat(hours).isGreaterThanOrEqualTo(2 * 23);
	}

	@Test
	void demoWellsAreRegisteredWithNamesFieldsPumpsAndInstallDates() {
		List<Map<String, Object>> wells = this.jdbc.sql("""
				SELECT id, name, field, pump_model, installed_at
				FROM wells
				WHERE id = ANY(:ids)
				ORDER BY id
				""").param("ids", this.ids).query().listOfRows();
		assertThat(wells).extracting(well -> well.get("id")).containsExactly("demo-eagle-ford-01", "demo-permian-01");
		assertThat(wells).extracting(well -> well.get("field")).containsExactly("Eagle Ford", "Permian");
		assertThat(wells).allSatisfy(well -> {
			assertThat((String) well.get("name")).isNotBlank();
			assertThat((String) well.get("pump_model")).isNotBlank();
			assertThat(well.get("installed_at")).isNotNull();
		});
	}

	@Test
	void historyHoldsOneSamplePerMinuteOfTheDayForEachWell() {
		List<Long> perWell = this.jdbc.sql("""
				SELECT count(*)
				FROM esp_telemetry
				WHERE well_id = ANY(:ids)
				  AND time > :after
				  AND time <= :upTo
				  AND time = date_trunc('minute', time)
				GROUP BY well_id
				""")
			.param("ids", this.ids)
			.param("after", OffsetDateTime.ofInstant(this.report.after(), ZoneOffset.UTC))
			.param("upTo", OffsetDateTime.ofInstant(this.report.upTo(), ZoneOffset.UTC))
			.query(Long.class)
			.list();
		assertThat(perWell).containsExactly(1440L, 1440L);
		assertThat(this.report.samples()).isEqualTo(2 * 1440);
	}

	@Test
	void everyStoredValueIsInsideTheContractsRanges() {
		for (TelemetryMetric metric : TelemetryMetric.values()) {
			// The column comes from the enum, not from input.
			Map<String, Object> extremes = this.jdbc.sql("""
					SELECT min(%1$s) AS low, max(%1$s) AS high, count(%1$s) AS measured
					FROM esp_telemetry
					WHERE well_id = ANY(:ids)
					""".formatted(metric.column())).param("ids", this.ids).query().singleRow();
			assertThat((Long) extremes.get("measured")).as("%s measured", metric).isPositive();
			assertThat((Double) extremes.get("low")).as("lowest %s", metric).isGreaterThanOrEqualTo(metric.min());
			assertThat((Double) extremes.get("high")).as("highest %s", metric).isLessThanOrEqualTo(metric.max());
		}
	}

	@Test
	void faultEpisodesLeaveTheirDiagnostics() {
		List<Finding> stored = this.jdbc.sql("""
				SELECT well_id, time, type, severity, confidence
				FROM diagnostic_results
				WHERE well_id = ANY(:ids)
				  AND time > :after
				  AND time <= :upTo
				""")
			.param("ids", this.ids)
			.param("after", OffsetDateTime.ofInstant(this.report.after(), ZoneOffset.UTC))
			.param("upTo", OffsetDateTime.ofInstant(this.report.upTo(), ZoneOffset.UTC))
			.query((row, number) -> new Finding(row.getString("well_id"),
					row.getObject("time", OffsetDateTime.class).toInstant(),
					DiagnosisType.valueOf(row.getString("type")), Severity.valueOf(row.getString("severity")),
					row.getDouble("confidence")))
			.list();
		List<Finding> expected = this.fleet.generator().findings(this.report.after(), this.report.upTo());
		assertThat(expected).anyMatch(finding -> finding.type() != DiagnosisType.NORMAL);
		assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.report.diagnostics()).isEqualTo(expected.size());
	}

	@Test
	void theStreamKeepsAddingSamplesAfterTheHistory() throws InterruptedException {
		Instant first = awaitLatestSampleAfter(this.report.upTo());
		Instant later = awaitLatestSampleAfter(first);
		assertThat(later).isAfter(first);
	}

	// The latest sample time of the well that is furthest behind, once it is past `after`.
	private Instant awaitLatestSampleAfter(Instant after) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			List<OffsetDateTime> latest = this.jdbc.sql("""
					SELECT max(time)
					FROM esp_telemetry
					WHERE well_id = ANY(:ids)
					GROUP BY well_id
					""").param("ids", this.ids).query(OffsetDateTime.class).list();
			Instant slowest = latest.stream().map(OffsetDateTime::toInstant).min(Instant::compareTo).orElse(Instant.MIN);
			if (latest.size() == this.ids.length && slowest.isAfter(after)) {
				return slowest;
			}
			assertThat(System.nanoTime()).as("a streamed sample after %s within a minute", after).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

}
