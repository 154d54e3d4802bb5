package io.wellgate.live;

import java.util.stream.Collectors;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a caller is allowed to see, as a key: answers are cached and tagged per key, so two
 * callers share a cached answer only when they would get the same one. The default is the
 * authenticated principal's authorities (every anonymous caller shares one key). Access rules that
 * depend on more than authorities (a token's {@code fields} claim) provide a bean of this type.
 */
@FunctionalInterface
public interface ReadVisibility {

	/** Called on the request's thread, with its security context in place. */
	String of(WebGraphQlRequest request);

	/** Authorities, sorted; {@code anonymous} without an authenticated caller. */
	static ReadVisibility authorities() {
		return request -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()) {
				return "anonymous";
			}
			return authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.sorted()
				.collect(Collectors.joining(",", "[", "]"));
		};
	}

}
