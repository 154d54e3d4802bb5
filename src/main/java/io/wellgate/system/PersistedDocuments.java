package io.wellgate.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.execution.ErrorType;

/**
 * Which document a request runs: the text it sends, or the one its
 * {@code extensions.persistedQuery.sha256Hash} names.
 * <ul>
 * <li>{@code any}: Apollo's automatic persisted queries. A hash alone runs the document registered
 * under it, or is answered {@code PersistedQueryNotFound} (the client then sends hash and text,
 * which registers the text once its hash is checked); the last {@code capacity} are kept, and the
 * manifest's documents (if one is configured) are known from the start.</li>
 * <li>{@code persisted-only} (trusted documents): only the manifest's documents run, named by
 * hash or sent as text; any other document is refused before it is parsed.</li>
 * </ul>
 * The manifest is Apollo's persisted query list ({@code {"format":
 * "apollo-persisted-query-manifest", "operations": [{"id", "body"}]}}) or a {@code {hash:
 * document}} object, as GraphQL Code Generator writes it.
 */
final class PersistedDocuments {

	/** What graphql-java's own persisted query support puts in place of a missing text. */
	static final String MARKER = "PersistedQueryMarker";

	private final boolean trustedOnly;

	private final Map<String, String> manifest;

	private final Set<String> manifestTexts;

	private final Map<String, String> registered;

	PersistedDocuments(GraphQlProperties.Documents mode, Map<String, String> manifest, int capacity) {
		this.trustedOnly = mode == GraphQlProperties.Documents.PERSISTED_ONLY;
		this.manifest = Map.copyOf(manifest);
		this.manifestTexts = new HashSet<>(manifest.values());
		this.registered = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > capacity;
			}
		};
	}

	/** From the settings: the manifest read now, so that a bad one stops the start. */
	static PersistedDocuments of(GraphQlProperties settings) {
		String path = settings.manifest();
		if (path == null || path.isBlank()) {
			if (settings.documents() == GraphQlProperties.Documents.PERSISTED_ONLY) {
				throw new IllegalStateException(
						"wellgate.graphql.documents is persisted-only, but no wellgate.graphql.manifest names the trusted documents");
			}
			return new PersistedDocuments(settings.documents(), Map.of(), settings.persistedQueries());
		}
		return new PersistedDocuments(settings.documents(), read(Path.of(path)), settings.persistedQueries());
	}

	static Map<String, String> read(Path path) {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(Files.readString(path));
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("wellgate.graphql.manifest " + path + " could not be read as JSON: "
					+ ex.getMessage(), ex);
		}
		Map<String, String> documents = new HashMap<>();
		if (root.has("operations")) {
			for (JsonNode operation : root.get("operations")) {
				if (!operation.path("id").isString() || !operation.path("body").isString()) {
					throw new IllegalStateException("wellgate.graphql.manifest " + path
							+ ": every operation needs a string id and body, got " + operation);
				}
				documents.put(operation.get("id").asString(), operation.get("body").asString());
			}
		}
		else {
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				if (!entry.getValue().isString()) {
					throw new IllegalStateException("wellgate.graphql.manifest " + path + ": the value of "
							+ entry.getKey() + " is not a document");
				}
				documents.put(entry.getKey(), entry.getValue().asString());
			}
		}
		return documents;
	}

	/**
	 * The document to run, or why there is none.
	 * @param query the request's text, possibly absent or {@link #MARKER}
	 */
	Resolved resolve(String query, Map<String, Object> extensions) {
		String hash = hash(extensions);
		boolean hasText = query != null && !query.isBlank() && !MARKER.equals(query);
		if (hash == null) {
			if (!hasText) {
				return refused(ErrorType.BAD_REQUEST, "The request has no query, and no extensions.persistedQuery.sha256Hash");
			}
			if (this.trustedOnly && !this.manifestTexts.contains(query)) {
				return refused(ErrorType.FORBIDDEN, "This endpoint runs only trusted documents "
						+ "(wellgate.graphql.documents=persisted-only), and this document is not in its manifest");
			}
			return new Resolved(query, null);
		}
		String known = this.manifest.get(hash);
		if (known == null && !this.trustedOnly) {
			synchronized (this.registered) {
				known = this.registered.get(hash);
			}
		}
		if (hasText) {
			if (!hash.equalsIgnoreCase(sha256(query))) {
				return refused(ErrorType.BAD_REQUEST,
						"extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it");
			}
			if (this.trustedOnly && known == null) {
				return refused(ErrorType.FORBIDDEN, "This endpoint runs only trusted documents "
						+ "(wellgate.graphql.documents=persisted-only), and " + hash + " is not in its manifest");
			}
			if (known == null) {
				synchronized (this.registered) {
					this.registered.put(hash, query);
				}
			}
			return new Resolved(query, null);
		}
		if (known == null) {
			if (this.trustedOnly) {
				return refused(ErrorType.FORBIDDEN, "This endpoint runs only trusted documents "
						+ "(wellgate.graphql.documents=persisted-only), and " + hash + " is not in its manifest");
			}
			return new Resolved(null, GraphqlErrorBuilder.newError()
				.message("PersistedQueryNotFound")
				.extensions(Map.of("classification", "PersistedQueryNotFound", "code", "PERSISTED_QUERY_NOT_FOUND",
						"persistedQueryId", hash))
				.build());
		}
		return new Resolved(known, null);
	}

	private static String hash(Map<String, Object> extensions) {
		if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash) {
			return hash;
		}
		return null;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static Resolved refused(ErrorType type, String message) {
		return new Resolved(null, GraphqlErrorBuilder.newError().errorType(type).message(message).build());
	}

	/**
	 * @param document the text to run, or {@code null} when {@code error} says why none
	 */
	record Resolved(String document, GraphQLError error) {
	}

}
