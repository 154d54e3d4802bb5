package io.wellgate.system;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.VariableReference;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * An operation's estimated answer size, before it runs: every field counted once per row it
 * appears in, where a list field holds as many rows as its arguments ask for. The size of a list
 * is its {@code first} or {@code limit}, else its window in buckets ({@code hours}, {@code days},
 * or {@code from}..{@code to} in hours or days as the field's window argument is), else the
 * number of {@code ids}, {@code wellIds} or {@code representations} given (times the buckets of a
 * windowed summary); a connection's {@code first} sizes its {@code edges}; a relative window of n
 * buckets counts n + 1 (it rarely starts on a bucket). A list with none of these counts
 * {@link #UNSIZED_LIST} rows at the top (the fleet's diagnostic summary: per day) and
 * {@link #UNSIZED_NESTED_LIST} nested (a summary's types). Fragments are expanded and
 * aliases counted, since the answer holds each; arguments come from the request's variables and
 * the schema's defaults.
 * <p>
 * This is measured after the depth and field count limits, which bound how much there is to
 * walk; per request where a variable sizes a list or includes a field ({@link #variablesThatCount}),
 * once per document otherwise.
 */
final class OperationCost {

	/** Rows assumed for a top-level list without a size argument: a fleet (at most a page). */
	static final long UNSIZED_LIST = 1000;

	/** Rows assumed for a nested list without a size argument: a summary's types, say. */
	static final long UNSIZED_NESTED_LIST = 10;

	/** A page's size, the first one given. */
	private static final List<String> PAGES = List.of("first", "limit");

	/** A list of wells, the last one given. */
	private static final List<String> IDS = List.of("ids", "wellIds", "representations");

	/** A relative window in buckets. */
	private static final List<String> WINDOWS = List.of("hours", "days");

	/** An explicit window's start and end ({@link #buckets}). */
	private static final String FROM = "from";

	private static final String TO = "to";

	private static final List<String> BOUNDS = List.of(FROM, TO);

	/** Every argument that sizes a list. */
	private static final Set<String> SIZES = Stream.of(PAGES, IDS, WINDOWS, BOUNDS)
		.flatMap(List::stream)
		.collect(Collectors.toUnmodifiableSet());

	private OperationCost() {
	}

	/**
	 * @return the estimate, at most {@link Long#MAX_VALUE}
	 * @throws RuntimeException when the variables do not fit the operation (left to the
	 * execution to report)
	 */
	static long estimate(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables) {
		long[] total = { 0 };
		QueryTraverser.newQueryTraverser()
			.schema(schema)
			.document(document)
			.operationName(operationName)
			.variables(variables)
			.build()
			.visitPreOrder(new QueryVisitorStub() {
				@Override
				public void visitField(QueryVisitorFieldEnvironment env) {
					if (!env.isTypeNameIntrospectionField()) {
						total[0] = add(total[0], rows(env));
					}
				}
			});
		return total[0];
	}

	/**
	 * The variables that the estimate depends on: those in a sizing argument ({@link #SIZES}) or
	 * in a directive ({@code @include(if: $x)} decides whether fields count), anywhere in the
	 * document, fragments included. Without any, every request of the document costs the same.
	 */
	static Set<String> variablesThatCount(Document document) {
		Set<String> names = new HashSet<>();
		collect(document, false, names);
		return names;
	}

	private static void collect(Node<?> node, boolean counts, Set<String> names) {
		if (node instanceof VariableReference variable) {
			if (counts) {
				names.add(variable.getName());
			}
			return;
		}
		boolean below = counts || node instanceof Directive
				|| (node instanceof Argument argument && SIZES.contains(argument.getName()));
		for (Node<?> child : node.getChildren()) {
			collect(child, below, names);
		}
	}

	/** How many times this field is in the answer: its parent's rows times its own list size. */
	private static long rows(QueryVisitorFieldEnvironment env) {
		long rows = 1;
		for (QueryVisitorFieldEnvironment field = env.getParentEnvironment(); field != null; field = field
			.getParentEnvironment()) {
			rows = multiply(rows, listSize(field));
		}
		return rows;
	}

	/** The rows a field's value holds per parent row: 1 for an object or scalar. */
	private static long listSize(QueryVisitorFieldEnvironment env) {
		if (!isList(env.getFieldDefinition().getType())) {
			return 1;
		}
		QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
		if ("edges".equals(env.getField().getName()) && parent != null) {
			return sizeOf(parent.getArguments(), parent);
		}
		return sizeOf(env.getArguments(), env);
	}

	/**
	 * A page size if given; else the window's buckets times the wells: those of the ids given,
	 * or, for a top-level list (a fleet summary), {@link #UNSIZED_LIST}; a nested list without
	 * window or ids (a summary's types) holds {@link #UNSIZED_NESTED_LIST}.
	 */
	private static long sizeOf(Map<String, Object> arguments, QueryVisitorFieldEnvironment env) {
		for (String name : PAGES) {
			if (arguments.get(name) instanceof Number n) {
				return Math.max(0, n.longValue());
			}
		}
		long buckets = buckets(arguments, env);
		Long ids = null;
		for (String name : IDS) {
			if (arguments.get(name) instanceof Collection<?> given) {
				ids = (long) given.size();
			}
		}
		boolean topLevel = env.getParentEnvironment() == null;
		if (ids != null) {
			return multiply(ids, Math.max(1, buckets));
		}
		if (buckets > 0) {
			return topLevel ? multiply(UNSIZED_LIST, buckets) : buckets;
		}
		return topLevel ? UNSIZED_LIST : UNSIZED_NESTED_LIST;
	}

	/** The window's buckets, or 0 without a window. */
	private static long buckets(Map<String, Object> arguments, QueryVisitorFieldEnvironment env) {
		Object from = arguments.get(FROM);
		Object to = arguments.get(TO);
		if (from != null && to != null) {
			Duration span = between(from, to);
			if (span != null) {
				long unit = (env.getFieldDefinition().getArgument("days") != null) ? 86_400 : 3_600;
				return Math.max(1, (span.getSeconds() + unit - 1) / unit);
			}
		}
		for (String name : WINDOWS) {
			if (arguments.get(name) instanceof Number n) {
				// A relative window of n buckets touches n + 1 when it does not start on a bucket.
				return Math.max(0, n.longValue()) + 1;
			}
		}
		return 0;
	}

	private static Duration between(Object from, Object to) {
		try {
			OffsetDateTime start = (from instanceof OffsetDateTime f) ? f : OffsetDateTime.parse(from.toString());
			OffsetDateTime end = (to instanceof OffsetDateTime t) ? t : OffsetDateTime.parse(to.toString());
			return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean isList(GraphQLType type) {
		GraphQLType unwrapped = (type instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType() : type;
		return unwrapped instanceof GraphQLList;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static long multiply(long a, long b) {
		if (a == 0 || b == 0) {
			return 0;
		}
		return (a > Long.MAX_VALUE / b) ? Long.MAX_VALUE : a * b;
	}

}
