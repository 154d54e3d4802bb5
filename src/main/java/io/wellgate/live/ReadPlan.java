package io.wellgate.live;

import java.util.Set;

/**
 * What an operation is and, for a query, what it reads: the whole fleet, or only some wells.
 * An answer depends on the data of what it reads and, through relative windows, on the hour it
 * is asked in; nothing else. {@code cacheable} is false for a query whose answer moves with the
 * clock itself ({@code aggregateStatus}'s lag, a window's echoed {@code from}/{@code to}).
 */
record ReadPlan(Kind kind, boolean cacheable, boolean fleet, Set<String> wells) {

	enum Kind {

		/** A query: its answer has an ETag. */
		QUERY,

		/** A mutation: never over GET, never cached. */
		MUTATION,

		/** A subscription. */
		SUBSCRIPTION,

		/** No operation can be told apart (a syntax error, an unknown operation name): the execution says why. */
		UNKNOWN

	}

	static final ReadPlan UNKNOWN = new ReadPlan(Kind.UNKNOWN, false, true, Set.of());

	static final ReadPlan MUTATION = new ReadPlan(Kind.MUTATION, false, true, Set.of());

	static final ReadPlan SUBSCRIPTION = new ReadPlan(Kind.SUBSCRIPTION, false, true, Set.of());

	boolean query() {
		return this.kind == Kind.QUERY;
	}

	/** Whether a change of {@code wellId} may change this answer. */
	boolean reads(String wellId) {
		return this.fleet || this.wells.contains(wellId);
	}

}
