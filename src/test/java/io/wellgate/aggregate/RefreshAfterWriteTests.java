package io.wellgate.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write is followed by a refresh of the aggregates of its table, without anyone asking: minute
 * batches of the fleet do not leave every well's newest bucket pending until the next schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wellgate.aggregates.refresh-after-write=200ms", "wellgate.aggregates.hourly-refresh=0s",
				"wellgate.aggregates.daily-refresh=0s" })
class RefreshAfterWriteTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBulkWriteIsMaterializedShortlyAfterItCommits() throws Exception {
		String well = "raw-" + UUID.randomUUID().toString().substring(0, 8);
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
		String body = """
				{"wellId":"%1$s","time":"%2$s","flowRate":1200,"intakePressure":850,"dischargePressure":3100,"powerKw":120}
				{"wellId":"%1$s","time":"%3$s","flowRate":1300,"intakePressure":860,"dischargePressure":3150,"powerKw":125}
				""".formatted(well, hour.plusSeconds(60), hour.plusSeconds(120));
		WellgateHttp.Response response = new WellgateHttp(this.port).post("/api/v1/telemetry", "application/x-ndjson", body,
				WellgateHttp.TOKEN);
		assertThat(response.status()).isEqualTo(200);

		// Waits for the refresh that the write scheduled: the schedules are off in this context.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (pending(well) > 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(pending(well)).isZero();
		Integer samples = this.jdbc.sql("SELECT samples FROM telemetry_hourly WHERE well_id = :well AND bucket = :hour")
			.param("well", well)
			.param("hour", java.sql.Timestamp.from(hour))
			.query(Integer.class)
			.single();
		assertThat(samples).isEqualTo(2);
		Double efficiency = this.jdbc
			.sql("SELECT hydraulic_kw_sum / power_kw_sum FROM well_performance_hourly WHERE well_id = :well AND bucket = :hour")
			.param("well", well)
			.param("hour", java.sql.Timestamp.from(hour))
			.query(Double.class)
			.single();
		assertThat(efficiency).isPositive();
	}

	private int pending(String well) {
		return this.jdbc.sql("""
				SELECT count(*)
				FROM aggregate_invalidations
				WHERE well_id = :well
				  AND aggregate IN ('telemetry_hourly', 'well_performance_hourly')
				""").param("well", well).query(Integer.class).single();
	}

}
