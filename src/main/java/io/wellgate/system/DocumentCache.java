package io.wellgate.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.graphql.execution.ErrorType;

/**
 * Parsed and validated GraphQL documents by their text, the least recently used dropped past
 * {@code capacity}, and the depth and complexity limits: dashboards and gateways send the same
 * few documents over and over, and parsing and validating one of them costs a good part of
 * answering it from the aggregates. An invalid document is kept with its errors, so it is refused
 * again without being parsed.
 * <p>
 * The limits are checked here, on the operation as written ({@link OperationShape}), rather than
 * by graphql-java's limit instrumentations: those measure each execution again, and with them
 * every field of every answer went through a chain of instrumentations, which cost 0.7 ms of a
 * 4.5 ms daily read over HTTP.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private final Map<String, Parsed> entries;

	private final int maxDepth;

	private final int maxComplexity;

	DocumentCache(int capacity, int maxDepth, int maxComplexity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("wellgate.graphql.document-cache is " + capacity + "; it must be 0 or more");
		}
		this.maxDepth = maxDepth;
		this.maxComplexity = maxComplexity;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
				return size() > capacity;
			}
		};
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String document = input.getQuery();
		Parsed parsed;
		synchronized (this.entries) {
			parsed = this.entries.get(document);
		}
		if (parsed == null) {
			// Outside the lock: two first requests of a document may both parse it, and both get
			// the same answer.
			PreparsedDocumentEntry entry = parseAndValidate.apply(input);
			parsed = new Parsed(entry, entry.hasErrors() ? Map.of() : OperationShape.of(entry.getDocument()));
			synchronized (this.entries) {
				this.entries.put(document, parsed);
			}
		}
		return CompletableFuture.completedFuture(withinLimits(parsed, input.getOperationName()));
	}

	private PreparsedDocumentEntry withinLimits(Parsed parsed, String operationName) {
		OperationShape shape = (operationName == null || operationName.isEmpty())
				? ((parsed.shapes().size() == 1) ? parsed.shapes().values().iterator().next() : null)
				: parsed.shapes().get(operationName);
		// No shape: an invalid document, or no such operation, which the execution reports.
		if (shape != null && shape.depth() > this.maxDepth) {
			return refused("The operation's depth is " + shape.depth() + " nested fields; the maximum depth is "
					+ this.maxDepth);
		}
		if (shape != null && shape.complexity() > this.maxComplexity) {
			return refused("The operation's complexity is " + shape.complexity()
					+ " fields; the maximum complexity is " + this.maxComplexity);
		}
		return parsed.entry();
	}

	private static PreparsedDocumentEntry refused(String message) {
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).build());
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	private record Parsed(PreparsedDocumentEntry entry, Map<String, OperationShape> shapes) {
	}

}
