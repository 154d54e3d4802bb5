package io.wellgate.access;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * A graphql-ws connection's credentials, for clients that cannot set a header on the WebSocket
 * handshake (every browser): {@code connection_init}'s payload may carry
 * {@code {"Authorization": "Bearer <token>"}}, verified as a header's would be ({@link Credentials}).
 * Each operation of the connection then runs as that caller, so the access rules, the field scope
 * and the response cache's visibility see it. A token that does not verify closes the connection
 * (graphql-ws 4403); a handshake that carried its own header keeps it.
 */
final class WebSocketCredentials implements WebSocketGraphQlInterceptor {

	static final String AUTHENTICATION = WebSocketCredentials.class.getName() + ".authentication";

	private final Credentials credentials;

	WebSocketCredentials(Credentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		Object header = payload.get("Authorization");
		if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Mono.empty();
		}
		try {
			Authentication authentication = this.credentials.authenticate(
					new BearerTokenAuthenticationToken(value.substring(7).strip()));
			session.getAttributes().put(AUTHENTICATION, authentication);
			return Mono.empty();
		}
		catch (AuthenticationException ex) {
			// The reason, never the token: graphql-ws closes the connection with it.
			return Mono.error(new IllegalStateException("The connection_init token was refused: " + ex.getMessage()));
		}
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest socket)
				|| !(socket.getSessionInfo().getAttributes().get(AUTHENTICATION) instanceof Authentication caller)) {
			return chain.next(request);
		}
		// The interceptors after this one read the caller as they are called; the execution itself
		// runs on with what they put in its GraphQL context.
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(caller);
		SecurityContextHolder.setContext(context);
		try {
			return chain.next(request);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
