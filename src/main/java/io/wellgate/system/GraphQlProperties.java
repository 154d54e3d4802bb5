package io.wellgate.system;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and observability of the GraphQL endpoint.
 *
 * @param maxDepth deepest selection nesting accepted (GraphiQL's introspection needs 13)
 * @param maxComplexity most fields one operation may select
 * @param maxDocumentSize largest operation text
 * @param timeout longest an operation may run
 * @param slowThreshold operations slower than this are logged
 * @param documentCache how many distinct documents are kept parsed and validated (0: none)
 * @param maxCost most values an operation's answer may hold, estimated before it runs (list
 * fields multiplied by their sizes)
 * @param documents {@code any}, or {@code persisted-only}: only the documents of the manifest
 * @param manifest the trusted documents (Apollo's persisted query list, or {@code {hash: document}})
 * @param persistedQueries how many automatic persisted queries are kept by hash
 */
@ConfigurationProperties("wellgate.graphql")
@Validated
public record GraphQlProperties(@DefaultValue("15") @Min(1) int maxDepth, @DefaultValue("1000") @Min(1) int maxComplexity,
		@DefaultValue("32KB") @NotNull DataSize maxDocumentSize, @DefaultValue("30s") @NotNull Duration timeout,
		@DefaultValue("500ms") @NotNull Duration slowThreshold, @DefaultValue("500") @Min(0) int documentCache,
		@DefaultValue("1000000") @Min(1) long maxCost, @DefaultValue("any") @NotNull Documents documents,
		String manifest, @DefaultValue("1000") @Min(0) int persistedQueries) {

	/** Which documents the endpoint runs. */
	public enum Documents {

		/** Any valid document, sent as text or as an automatic persisted query. */
		ANY,

		/** Only the documents of {@code wellgate.graphql.manifest}. */
		PERSISTED_ONLY

	}

}
