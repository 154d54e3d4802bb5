package io.wellgate.analytics;

/**
 * A metric's distribution over a UTC day: sample standard deviation and the exact median
 * ({@code percentile_cont(0.5)}) besides the range.
 */
public record Distribution(Double avg, Double min, Double max, Double stddev, Double median) {
}
