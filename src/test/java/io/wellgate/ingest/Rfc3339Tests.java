package io.wellgate.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written reading of the common date-time shape agrees with
 * {@code ISO_OFFSET_DATE_TIME}, and leaves every other shape to it.
 */
class Rfc3339Tests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-31T12:00:00Z", "2026-01-31T12:00:00.5Z", "2026-01-31T12:00:00.123456789Z",
			"2026-01-31T12:00:00+05:30", "2026-01-31T12:00:00-00:00", "2024-02-29T23:59:59.999-18:00",
			"0000-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00" })
	void theCommonShapeReadsAsTheFormatterReadsIt(String text) {
		assertThat(Rfc3339.parse(text)).isNotNull().isEqualTo(formatter(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-31t12:00:00z", "2026-01-31T12:00Z", "2026-01-31T12:00:00.Z",
			"2026-01-31T12:00:00.1234567891Z", "2026-01-31T12:00:00+05:30:15", "+12026-01-31T12:00:00Z",
			"2026-02-29T12:00:00Z", "2026-01-31T24:00:00Z", "2026-01-31T23:59:60Z", "2026-13-01T00:00:00Z",
			"2026-01-31T12:00:00+18:01", "2026-01-31T12:00:00+05:60", "2026-01-31T12:00:00", "2026-01-31 12:00:00Z",
			"2026-1-31T12:00:00Z", "２026-01-31T12:00:00Z", "2026-01-31T12:00:00+0530", "" })
	void anyOtherShapeIsLeftToTheFormatter(String text) {
		assertThat(Rfc3339.parse(text)).isNull();
	}

	@Test
	void randomInstantsInEveryOffsetReadAlike() {
		SplittableRandom random = new SplittableRandom(11);
		DateTimeFormatter[] shapes = { DateTimeFormatter.ISO_OFFSET_DATE_TIME,
				DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx"),
				DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX") };
		for (int i = 0; i < 50_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
					random.nextInt(1_000_000_000));
			ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
			String text = instant.atOffset(offset).format(shapes[random.nextInt(shapes.length)]);
			Instant expected = formatter(text);
			assertThat(Rfc3339.parse(text)).as(text).isEqualTo(expected).isNotNull();
		}
	}

	private static Instant formatter(String text) {
		try {
			return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
