package io.wellgate.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.demo.DemoWell;
import io.wellgate.demo.FleetGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's own pieces, run as {@code ./mvnw -Pbench verify} runs them but at a tiny size
 * (3 wells x 2 days) on a service of their own: the fleet goes in over HTTP, both COPY controls
 * write every row, and each measured read answers the same rows from raw SQL as through the
 * aggregates, so that the ratios the benchmark reports compare like with like.
 */
class BenchmarkPiecesTests {

	@Test
	void theFleetLoadsAndEveryMeasuredReadAgreesRawAndFromTheAggregates() throws Exception {
		BenchSettings settings = new BenchSettings(3, 2, 7L, null, null, null);
		try (BenchService service = BenchService.start(settings)) {
			FleetBodies fleet = new FleetBodies(new FleetGenerator(settings.seed(), settings.wells()));
			Ingest ingest = new Ingest(fleet, new ServiceHttp("http://127.0.0.1:" + service.port()),
					service.bean(DataSource.class));
			Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
			Instant oldest = now.minus(Duration.ofDays(settings.days()));

			assertThat(ingest.overHttp(oldest, now).samples()).isEqualTo(settings.samples());
			assertThat(ingest.withCopy(oldest, now, false).samples()).isEqualTo(settings.samples());
			assertThat(ingest.withCopy(oldest, now, true).samples()).isEqualTo(settings.samples());

			service.bean(AggregateEngine.class).refreshAll(null, null, null);
			List<String> wells = fleet.wells().stream().map(DemoWell::id).toList();
			List<ReadCase> cases = new Reads(service, wells).cases();
			assertThat(cases).hasSize(7);
			for (ReadCase read : cases) {
				assertThat(read.raw().rows()).as(read.name()).isPositive().isEqualTo(read.aggregates().rows());
			}
		}
	}

}
