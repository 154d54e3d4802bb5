package io.wellgate.system;

import java.time.Instant;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/**
 * The instant a pushed answer's relative windows end at. A subscription is one long execution
 * whose context outlives every push; each push carries its own "now" in the local context of the
 * fields it resolves (graphql-java hands a field's local context down to its children), so that
 * {@code hourly(hours: 2)} in a push ends at that push, not at the subscription's start.
 */
public final class ReadInstant {

	private static final String KEY = ReadInstant.class.getName();

	private ReadInstant() {
	}

	/** A local context carrying {@code now} for the fields below it. */
	public static GraphQLContext context(Instant now) {
		return GraphQLContext.newContext().of(KEY, now).build();
	}

	/** The instant pushed down to this field, or null outside a push. */
	public static Instant of(DataFetchingEnvironment env) {
		return (env.getLocalContext() instanceof GraphQLContext local) ? local.get(KEY) : null;
	}

}
