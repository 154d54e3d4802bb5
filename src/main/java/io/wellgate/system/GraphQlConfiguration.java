package io.wellgate.system;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;

import io.wellgate.telemetry.BadInputException;
import io.wellgate.telemetry.LineError;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The GraphQL runtime: scalars, and how wellgate's exceptions become GraphQL errors (a
 * classification in {@code extensions}, a message a user can act on, never a stack trace or SQL).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.Date);
	}

	@Bean
	DataFetcherExceptionResolver badInputResolver() {
		return new DataFetcherExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
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
					.extensions(Map.of("classification", ErrorType.BAD_REQUEST.name(), "errors", errors))
					.build();
			}
		};
	}

	/** Where in the arguments an error is, such as {@code samples[3].flowRate}. */
	private static String path(String argument, LineError error) {
		String element = error.line() < 0 ? argument : argument + "[" + error.line() + "]";
		return error.field() == null ? element : element + "." + error.field();
	}

}
