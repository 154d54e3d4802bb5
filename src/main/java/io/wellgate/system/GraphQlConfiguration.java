package io.wellgate.system;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.wellgate.error.BadArgumentException;
import io.wellgate.error.BadInputException;
import io.wellgate.error.LineError;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.util.function.SingletonSupplier;

/**
 * The GraphQL runtime: scalars, the federation subgraph schema, the limits (depth, complexity,
 * document size, timeout; depth and complexity checked with the cache of parsed documents),
 * slow-operation logging, and how wellgate's exceptions become GraphQL
 * errors (a classification in {@code extensions}, a message a user can act on, never a stack
 * trace or SQL).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

	private static final Pattern NAMED_OPERATION = Pattern.compile("\\s*(?:query|mutation|subscription)\\s+(\\w+)");

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.Date);
	}

	@Bean
	FederationSchemaFactory federationSchemaFactory() {
		return new FederationSchemaFactory();
	}

	/** With the schema looked up on first use: the GraphQL source is built with this cache. */
	@Bean
	DocumentCache documentCache(GraphQlProperties graphql, ObjectProvider<GraphQlSource> source) {
		Supplier<GraphQLSchema> schema = SingletonSupplier.of(() -> source.getObject().schema());
		return new DocumentCache(graphql.documentCache(), graphql.maxDepth(), graphql.maxComplexity(),
				graphql.maxCost(), PersistedDocuments.of(graphql), schema);
	}

	/**
	 * The federation schema, the document cache, and the instrumentations unchained when there is
	 * only one: Spring wraps even a single one in a {@link ChainedInstrumentation}, which every
	 * field of every answer then goes through (3% of the daily read's request CPU in a profile).
	 */
	@Bean
	GraphQlSourceBuilderCustomizer graphQlRuntime(FederationSchemaFactory factory, DocumentCache documents,
			ObjectProvider<Instrumentation> instrumentations) {
		List<Instrumentation> all = instrumentations.orderedStream().toList();
		return builder -> builder.schemaFactory(factory::createGraphQLSchema).configureGraphQl(graphQl -> {
			graphQl.preparsedDocumentProvider(documents);
			if (all.size() == 1) {
				graphQl.instrumentation(all.get(0));
			}
		});
	}

	@Bean
	TimeoutWebGraphQlInterceptor timeout(GraphQlProperties graphql) {
		return new TimeoutWebGraphQlInterceptor(graphql.timeout());
	}

	/** Refuses oversized documents before parsing them, and logs slow operations. */
	@Bean
	WebGraphQlInterceptor documentSizeAndSlowLog(GraphQlProperties graphql) {
		long maxSize = graphql.maxDocumentSize().toBytes();
		long slowMillis = graphql.slowThreshold().toMillis();
		return (request, chain) -> {
			if (request.getDocument().length() > maxSize) {
				GraphQLError error = GraphqlErrorBuilder.newError()
					.errorType(ErrorType.BAD_REQUEST)
					.message("The operation is " + request.getDocument().length() + " characters; at most " + maxSize
							+ " are accepted")
					.build();
				ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
				return Mono.just(new WebGraphQlResponse(
						new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
			}
			long started = System.nanoTime();
			return chain.next(request).doOnNext(response -> {
				long millis = (System.nanoTime() - started) / 1_000_000;
				if (millis >= slowMillis) {
					log.warn("Slow GraphQL operation: {} ms, operation {}, {} errors", millis, operationName(request),
							response.getErrors().size());
				}
			});
		};
	}

	@Bean
	DataFetcherExceptionResolver badInputResolver() {
		return new DataFetcherExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
				if (ex instanceof BadArgumentException bad) {
					return GraphqlErrorBuilder.newError(env)
						.errorType(ErrorType.BAD_REQUEST)
						.message(bad.getMessage())
						.extensions(Map.of("argument", bad.argument()))
						.build();
				}
				if (!(ex instanceof BadInputException bad)) {
					return null;
				}
				List<GraphQLArgument> arguments = env.getFieldDefinition().getArguments();
				String argument = arguments.isEmpty() ? "input" : arguments.get(0).getName();
				List<Map<String, Object>> errors = bad.errors()
					.stream()
					.map(e -> Map.<String, Object>of("index", e.line(), "field", path(argument, e), "reason", e.reason()))
					.toList();
				String message = bad.errors()
					.stream()
					.findFirst()
					.map(e -> path(argument, e) + ": " + e.reason())
					.orElse(bad.getMessage());
				if (bad.badLines() > 1) {
					message += " (and " + (bad.badLines() - 1) + " more bad inputs; see extensions.errors)";
				}
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.BAD_REQUEST)
					.message(message)
					.extensions(Map.of("errors", errors))
					.build();
			}
		};
	}

	/** The operation's name as sent, or as written in its document, for the slow-operation log. */
	private static String operationName(WebGraphQlRequest request) {
		if (request.getOperationName() != null) {
			return request.getOperationName();
		}
		Matcher named = NAMED_OPERATION.matcher(request.getDocument());
		return named.lookingAt() ? named.group(1) : "(anonymous)";
	}

	/** Where in the arguments an error is, such as {@code samples[3].flowRate}. */
	private static String path(String argument, LineError error) {
		String element = error.line() < 0 ? argument : argument + "[" + error.line() + "]";
		return error.field() == null ? element : element + "." + error.field();
	}

}
