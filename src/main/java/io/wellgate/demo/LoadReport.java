package io.wellgate.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * What loading the demo fleet's history wrote.
 *
 * @param after the history covers {@code (after, upTo]}
 * @param upTo the last sample's time, a whole minute; the live stream continues from here
 */
record LoadReport(int wells, Instant after, Instant upTo, long samples, long diagnostics, Duration took) {
}
