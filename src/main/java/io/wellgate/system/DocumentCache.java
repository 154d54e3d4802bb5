package io.wellgate.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated GraphQL documents by their text, the least recently used dropped past
 * {@code capacity}: dashboards and gateways send the same few documents over and over, and
 * parsing and validating one of them costs a good part of answering it from the aggregates. An
 * invalid document is kept with its errors, so it is refused again without being parsed. The
 * limits that depend on variables (depth, complexity) still run on every execution.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private final Map<String, PreparsedDocumentEntry> entries;

	DocumentCache(int capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("wellgate.graphql.document-cache is " + capacity + "; it must be 0 or more");
		}
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
				return size() > capacity;
			}
		};
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String document = input.getQuery();
		PreparsedDocumentEntry entry;
		synchronized (this.entries) {
			entry = this.entries.get(document);
		}
		if (entry == null) {
			// Outside the lock: two first requests of a document may both parse it, and both get
			// the same answer.
			entry = parseAndValidate.apply(input);
			synchronized (this.entries) {
				this.entries.put(document, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

}
