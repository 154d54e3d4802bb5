package io.wellgate.ingest;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-level NDJSON reader gives, line for line, what reading each line as text with Jackson
 * gave: the same values (to the bit), the same errors, the same line numbers.
 */
class NdjsonRowsTests {

	@ParameterizedTest
	@ValueSource(strings = { "{\"wellId\":\"W-1\",\"time\":\"2026-01-01T00:00:00Z\",\"flowRate\":1661.9,\"powerKw\":101}",
			" { \"a\" : -0 , \"b\" : -0.0 ,\t\"c\": 0.1, \"d\": 1e3, \"e\": 1.5E-7, \"f\": 123456789012345678 } ",
			"{\"a\":1234567890123456789,\"b\":0.1234567890123456789,\"c\":9007199254740993,\"d\":-1.7976931348623157e308}",
			"{\"a\":1e400,\"b\":4.9e-324,\"c\":2.2250738585072014E-308,\"d\":0.30000000000000004,\"e\":100.000}",
			"{\"a\":null,\"b\":true,\"c\":false,\"d\":\"\",\"e\":\"~\\u007f\"}",
			"{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}", "{\"a\":+1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
			"{\"a\":1e}", "{\"a\":-}", "{\"a\":12abc}", "{\"a\":nul}", "{\"a\":truex}",
			"{\"a\":\"tab\tinside\"}", "{\"a\":\"esc\\\"aped\"}", "{\"w\\u0065llId\":\"x\"}", "{\"a\":\"é\"}",
			"{\"a\":{\"b\":1}}", "{\"a\":[1,2]}", "{\"a\":1,\"a\":2}", "{}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1",
			"{\"a\":1}{\"b\":2}", "{\"a\":1} x", "[1,2,3]", "\"text\"", "42", "\uFEFF{\"a\":1}", "{'a':1}",
			"{\"a\":\"\u0001\"}" })
	void aLineReadsAsJacksonReadsIt(String line) throws IOException {
		assertThat(read(line)).containsExactly(NdjsonRows.parse(1, line));
	}

	@Test
	void randomNumbersReadToTheSameBitsAsJackson() throws IOException {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 20_000; i++) {
			String number = switch (random.nextInt(6)) {
				case 0 -> Double.toString(random.nextDouble(-1e6, 1e6));
				case 1 -> String.format("%.1f", random.nextDouble(0, 5000));
				case 2 -> Long.toString(random.nextLong());
				case 3 -> Double.toString(Double.longBitsToDouble(random.nextLong())).replace("Infinity", "1e309")
					.replace("NaN", "0");
				case 4 -> "0." + "0".repeat(random.nextInt(20)) + random.nextLong(1, Long.MAX_VALUE);
				default -> random.nextInt(100_000) + "." + random.nextInt(1000) + "e" + (random.nextInt(40) - 20);
			};
			String line = "{\"v\":" + number + "}";
			assertThat(read(line)).as(line).containsExactly(NdjsonRows.parse(1, line));
		}
	}

	@Test
	void linesBreakAsBufferedReaderBreaksThem() throws IOException {
		String body = "{\"a\":1}\r\n\r\n{\"a\":2}\r{\"a\":3}\n\u3000\t\n{\"a\":4}\n\r \n{\"a\":5}";
		List<ParsedRow> expected = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new StringReader(body));
		long line = 0;
		String text;
		while ((text = reader.readLine()) != null) {
			line++;
			if (!text.isBlank()) {
				expected.add(NdjsonRows.parse(line, text));
			}
		}

		assertThat(read(body)).containsExactlyElementsOf(expected);
		assertThat(read(body + "\n")).containsExactlyElementsOf(expected);
		assertThat(read(body + "\r\n")).containsExactlyElementsOf(expected);
	}

	@Test
	void aLineLongerThanTheBufferAndBreaksAcrossReadsAreReadWhole() throws IOException {
		String longValue = "x".repeat(200_000);
		String body = "{\"a\":\"" + longValue + "\"}\r\n{\"a\":2}\r";

		List<ParsedRow> rows = readInPieces(body, 7);

		assertThat(rows).extracting(ParsedRow::line).containsExactly(1L, 2L);
		assertThat(rows.get(0).values()).containsEntry("a", longValue);
		assertThat(rows.get(1).values()).containsEntry("a", 2.0);
	}

	private static List<ParsedRow> read(String body) throws IOException {
		return readInPieces(body, Integer.MAX_VALUE);
	}

	/** Reads the body through a stream that hands out at most {@code piece} bytes at a time. */
	private static List<ParsedRow> readInPieces(String body, int piece) throws IOException {
		InputStream bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, piece));
			}
		};
		NdjsonRows rows = new NdjsonRows(bytes);
		List<ParsedRow> all = new ArrayList<>();
		ParsedRow row;
		while ((row = rows.next()) != null) {
			all.add(row);
		}
		return all;
	}

}
