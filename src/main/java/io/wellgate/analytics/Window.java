package io.wellgate.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.wellgate.aggregate.AggregateDefinition;
import io.wellgate.aggregate.AggregateEngine;

/**
 * A time window {@code [from, to)}; a bucket is in it when the bucket's start is.
 */
public record Window(Instant from, Instant to) {

	/** The first and past-the-last bucket starts of this window for an aggregate's width. */
	Aligned align(AggregateDefinition definition) {
		return new Aligned(AggregateEngine.ceil(definition, this.from), AggregateEngine.ceil(definition, this.to));
	}

	record Aligned(OffsetDateTime from, OffsetDateTime to) {
	}

}
