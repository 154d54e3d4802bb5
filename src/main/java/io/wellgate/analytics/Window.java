package io.wellgate.analytics;

import java.time.Instant;

/**
 * A time window {@code [from, to)}; a bucket is in it when the bucket's start is.
 */
public record Window(Instant from, Instant to) {
}
