package io.wellgate.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import io.wellgate.telemetry.TelemetrySchema;

/**
 * How many telemetry CSV rows a second {@link CsvRows} reads, parse only (no validation, no
 * database), so that a change of parser can be compared on the same input. Not a test: run it by
 * hand ({@code java -cp target/test-classes:target/classes:<classpath> io.wellgate.telemetry.CsvParseSpeed
 * [lines] [runs]}) on a quiet machine and read the median.
 */
final class CsvParseSpeed {

	private CsvParseSpeed() {
	}

	public static void main(String[] args) throws IOException {
		int lines = (args.length > 0) ? Integer.parseInt(args[0]) : 500_000;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 9;
		byte[] body = body(lines);
		List<Double> rates = new ArrayList<>();
		for (int run = -2; run < runs; run++) {
			long start = System.nanoTime();
			long rows = parse(new ByteArrayInputStream(body));
			double seconds = (System.nanoTime() - start) / 1e9;
			if (rows != lines) {
				throw new IllegalStateException("read " + rows + " rows of " + lines);
			}
			// The first two runs warm the JIT up.
			if (run >= 0) {
				rates.add(rows / seconds);
			}
		}
		Collections.sort(rates);
		System.out.printf("%d lines (%.1f MB), %d runs: median %.0f rows/s (min %.0f, max %.0f)%n", lines,
				body.length / 1e6, runs, rates.get(runs / 2), rates.get(0), rates.get(runs - 1));
	}

	private static long parse(InputStream body) throws IOException {
		RowSource rows = CsvRows.of(body, TelemetrySchema.TELEMETRY);
		long count = 0;
		for (ParsedRow row = rows.next(); row != null; row = rows.next()) {
			if (!row.errors().isEmpty()) {
				throw new IllegalStateException(row.errors().toString());
			}
			count++;
		}
		return count;
	}

	/** A fleet's minute samples as field systems send them: every field, a few empty. */
	private static byte[] body(int lines) {
		SplittableRandom random = new SplittableRandom(12);
		StringBuilder csv = new StringBuilder("wellId,time,flowRate,intakePressure,dischargePressure,motorCurrent,"
				+ "motorVoltage,motorTemperature,intakeTemperature,vibration,frequency,powerKw\n");
		Instant time = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < lines; i++) {
			csv.append("speed-well-").append(i % 100).append(',').append(time.plusSeconds(60L * (i / 100))).append(',');
			csv.append(round(random.nextDouble(800, 2000))).append(',').append(round(random.nextDouble(500, 1500)))
				.append(',').append(round(random.nextDouble(2000, 4000))).append(',').append(round(random.nextDouble(20, 90)))
				.append(',').append(round(random.nextDouble(1000, 4000))).append(',');
			if (i % 7 != 0) {
				csv.append(round(random.nextDouble(100, 300)));
			}
			csv.append(',').append(round(random.nextDouble(80, 250))).append(',').append(round(random.nextDouble(0, 2)))
				.append(',').append(round(random.nextDouble(40, 70))).append(',').append(round(random.nextDouble(50, 300)))
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
