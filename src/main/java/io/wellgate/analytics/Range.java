package io.wellgate.analytics;

/**
 * Average, minimum and maximum of a metric over a bucket; all null when nothing was measured.
 */
public record Range(Double avg, Double min, Double max) {
}
