package io.wellgate.access;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import io.wellgate.error.OutsideFieldsException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import io.wellgate.system.DocumentCache;
import io.wellgate.system.GraphQlProperties;

/**
 * The caller, as GraphQL sees it: each request's {@link FieldScope} and whether it may read are
 * put in its GraphQL context (from the authentication of the HTTP request or WebSocket handshake),
 * where every data fetcher ({@link FieldScope#of(graphql.schema.DataFetchingEnvironment)}) and
 * {@link DocumentCache} find them; the estimated cost is added to the answer's
 * {@code extensions.cost} when the request asks with {@code "extensions": {"cost": true}} or the
 * header {@code Wellgate-Cost: true}; and a write outside the caller's fields is a
 * {@code FORBIDDEN} error.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlAccessConfiguration {

	static final String COST_HEADER = "Wellgate-Cost";

	/** First of the interceptors: a graphql-ws connection's caller, from its connection_init. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebSocketCredentials webSocketCredentials(Credentials credentials) {
		return new WebSocketCredentials(credentials);
	}

	/** Then the caller's rules: the response cache and shared subscriptions come after them. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	WebGraphQlInterceptor caller(AccessProperties access, GraphQlProperties graphql) {
		boolean readsNeedToken = access.readsNeedToken();
		long maxCost = graphql.maxCost();
		return (request, chain) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean mayRead = !readsNeedToken || has(authentication, Scopes.WELLS_READ);
			Map<String, Object> context = Map.of(FieldScope.CONTEXT_KEY, FieldScope.of(authentication),
					DocumentCache.MAY_READ, mayRead);
			request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
			boolean wantsCost = Boolean.TRUE.equals(request.getExtensions().get("cost"))
					|| "true".equalsIgnoreCase(request.getHeaders().getFirst(COST_HEADER));
			if (!wantsCost) {
				return chain.next(request);
			}
			return chain.next(request).map(response -> {
				Long cost = response.getExecutionInput().getGraphQLContext().get(DocumentCache.COST);
				if (cost == null) {
					return response;
				}
				Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
				extensions.put("cost", Map.of("estimate", cost, "limit", maxCost));
				return response.transform(builder -> builder.extensions(extensions));
			});
		};
	}

	@Bean
	DataFetcherExceptionResolver outsideFieldsResolver() {
		return new DataFetcherExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
				if (!(ex instanceof OutsideFieldsException outside)) {
					return null;
				}
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.FORBIDDEN)
					.message(outside.getMessage())
					.extensions(Map.of("wells", outside.wells()))
					.build();
			}
		};
	}

	private static boolean has(Authentication authentication, String authority) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
