package io.wellgate.system;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;

import org.springframework.graphql.execution.ErrorType;

/**
 * Parsed and validated GraphQL documents by their text, at most {@code capacity} of them (a
 * Caffeine cache: the least used go first), and the checks every operation passes before it
 * runs: which document a request may run ({@link PersistedDocuments}), the depth and complexity
 * limits, the read scope (when reads need a token, a query or subscription needs
 * {@code wells:read}), and the cost limit ({@link OperationCost}). Dashboards and gateways send the same few documents over and over, and
 * parsing and validating one of them costs a good part of answering it from the aggregates. An
 * invalid document is kept with its errors, so it is refused again without being parsed. A document
 * is parsed once however many requests bring it at the same time: the others wait for that parse.
 * <p>
 * The limits are checked here, on the operation as written ({@link OperationShape}), rather than
 * by graphql-java's limit instrumentations: those measure each execution again, and with them
 * every field of every answer went through a chain of instrumentations, which cost 0.7 ms of a
 * 4.5 ms daily read over HTTP. The cost is measured once per operation, unless a variable sizes
 * a list or includes a field (a page size often is one): then per request. A dashboard's reads name
 * their well by a variable, which sizes nothing, and measuring them on every request had cost 3%
 * of a daily read's CPU.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

	/** In the GraphQL context: {@code false} when the caller may not read (no {@code wells:read}). */
	public static final String MAY_READ = DocumentCache.class.getName() + ".mayRead";

	/** In the GraphQL context: the operation's estimated cost, once measured. */
	public static final String COST = DocumentCache.class.getName() + ".cost";

	/** {@code null} with a capacity of 0: every request parses its document. */
	private final Cache<String, Parsed> entries;

	private final LongAdder parses = new LongAdder();

	private final LongAdder estimates = new LongAdder();

	private final int maxDepth;

	private final int maxComplexity;

	private final long maxCost;

	private final PersistedDocuments persisted;

	private final Supplier<GraphQLSchema> schema;

	DocumentCache(int capacity, int maxDepth, int maxComplexity) {
		this(capacity, maxDepth, maxComplexity, Long.MAX_VALUE,
				new PersistedDocuments(GraphQlProperties.Documents.ANY, Map.of(), 0), () -> null);
	}

	DocumentCache(int capacity, int maxDepth, int maxComplexity, long maxCost, PersistedDocuments persisted,
			Supplier<GraphQLSchema> schema) {
		if (capacity < 0) {
			throw new IllegalArgumentException("wellgate.graphql.document-cache is " + capacity + "; it must be 0 or more");
		}
		this.maxDepth = maxDepth;
		this.maxComplexity = maxComplexity;
		this.maxCost = maxCost;
		this.persisted = persisted;
		this.schema = schema;
		// Evictions run on the calling thread: a request's parse is then never behind a pool's queue,
		// and the size is the capacity as soon as a put returns.
		this.entries = (capacity == 0) ? null
				: Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PersistedDocuments.Resolved resolved = this.persisted.resolve(input.getQuery(), input.getExtensions());
		if (resolved.error() != null) {
			return CompletableFuture.completedFuture(new PreparsedDocumentEntry(resolved.error()));
		}
		String document = resolved.document();
		ExecutionInput toParse = document.equals(input.getQuery()) ? input : input.transform(b -> b.query(document));
		Parsed parsed = (this.entries != null) ? this.entries.get(document, key -> parse(toParse, parseAndValidate))
				: parse(toParse, parseAndValidate);
		return CompletableFuture.completedFuture(admitted(parsed, toParse));
	}

	private Parsed parse(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		this.parses.increment();
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		return entry.hasErrors() ? new Parsed(entry, Map.of(), Map.of(), false)
				: new Parsed(entry, OperationShape.of(entry.getDocument()), operations(entry.getDocument()),
						OperationCost.variablesThatCount(entry.getDocument()).isEmpty());
	}

	private PreparsedDocumentEntry admitted(Parsed parsed, ExecutionInput input) {
		String name = input.getOperationName();
		boolean unnamed = name == null || name.isEmpty();
		OperationShape shape = unnamed ? ((parsed.shapes().size() == 1) ? parsed.shapes().values().iterator().next() : null)
				: parsed.shapes().get(name);
		// No shape: an invalid document, or no such operation, which the execution reports.
		if (shape == null) {
			return parsed.entry();
		}
		if (shape.depth() > this.maxDepth) {
			return refused("The operation's depth is " + shape.depth() + " nested fields; the maximum depth is "
					+ this.maxDepth);
		}
		if (shape.complexity() > this.maxComplexity) {
			return refused("The operation's complexity is " + shape.complexity()
					+ " fields; the maximum complexity is " + this.maxComplexity);
		}
		OperationDefinition operation = unnamed ? parsed.operations().values().iterator().next()
				: parsed.operations().get(name);
		GraphQLContext context = input.getGraphQLContext();
		if (operation.getOperation() != OperationDefinition.Operation.MUTATION
				&& Boolean.FALSE.equals(context.get(MAY_READ))) {
			return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.FORBIDDEN)
				.message("Reading needs a token with the scope wells:read (or an API key); this one lacks it")
				.build());
		}
		GraphQLSchema schema = this.schema.get();
		if (schema == null || this.maxCost == Long.MAX_VALUE) {
			return parsed.entry();
		}
		Long cost = parsed.costs().get(unnamed ? "" : name);
		if (cost == null) {
			this.estimates.increment();
			try {
				cost = OperationCost.estimate(schema, parsed.entry().getDocument(), name, input.getRawVariables().toMap());
			}
			catch (RuntimeException ex) {
				// Variables that do not fit the operation: its execution says how.
				return parsed.entry();
			}
			if (parsed.fixedCost() || operation.getVariableDefinitions().isEmpty()) {
				parsed.costs().put(unnamed ? "" : name, cost);
			}
		}
		context.put(COST, cost);
		if (cost > this.maxCost) {
			return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message("The operation's estimated cost is " + cost + " values (each list field multiplied by its "
						+ "size: first, limit, hours, days, from..to, ids); the maximum cost is " + this.maxCost
						+ ". Ask for fewer rows or fewer fields.")
				.extensions(Map.of("cost", Map.of("estimate", cost, "limit", this.maxCost)))
				.build());
		}
		return parsed.entry();
	}

	private static Map<String, OperationDefinition> operations(Document document) {
		Map<String, OperationDefinition> operations = new HashMap<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			operations.put(operation.getName(), operation);
		}
		return operations;
	}

	private static PreparsedDocumentEntry refused(String message) {
		return new PreparsedDocumentEntry(refusal(message));
	}

	private static GraphQLError refusal(String message) {
		return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).build();
	}

	int size() {
		if (this.entries == null) {
			return 0;
		}
		this.entries.cleanUp();
		return (int) this.entries.estimatedSize();
	}

	/** How many documents were parsed (and validated) since the start. */
	long parses() {
		return this.parses.sum();
	}

	/** How many times an operation's cost was estimated since the start. */
	long estimates() {
		return this.estimates.sum();
	}

	/**
	 * @param shapes each operation's shape by name (the anonymous one under {@code null})
	 * @param operations each operation by name
	 * @param fixedCost whether no variable changes the cost ({@link OperationCost#variablesThatCount})
	 * @param costs the costs of operations that no variable changes, by name ({@code ""}: anonymous)
	 */
	private record Parsed(PreparsedDocumentEntry entry, Map<String, OperationShape> shapes,
			Map<String, OperationDefinition> operations, boolean fixedCost, Map<String, Long> costs) {

		Parsed(PreparsedDocumentEntry entry, Map<String, OperationShape> shapes,
				Map<String, OperationDefinition> operations, boolean fixedCost) {
			this(entry, shapes, operations, fixedCost, new ConcurrentHashMap<>());
		}

	}

}
