package io.wellgate.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Turns a bearer token into an authentication: one of the API keys (every scope, every field),
 * else a JWT verified by Spring Security's {@link JwtAuthenticationProvider} (its scopes, and the
 * fields of its fields claim).
 * <p>
 * A verified JWT is kept until it expires, keyed by the SHA-256 digest of its text (never the
 * text itself), at most {@code capacity} of them: a dashboard sends the same token with every
 * request, and decoding it and checking its signature each time made an authenticated read
 * measurably slower than an anonymous one.
 */
final class Credentials implements AuthenticationManager {

	private static final List<GrantedAuthority> API_KEY_AUTHORITIES = AuthorityUtils.createAuthorityList(
			SecurityConfiguration.WRITER, Scopes.WELLS_READ, Scopes.TELEMETRY_WRITE, Scopes.WELLS_WRITE,
			Scopes.AGGREGATES_ADMIN);

	private final ApiKeys keys;

	private final JwtAuthenticationProvider jwts;

	private final Clock clock;

	private final int capacity;

	private final Map<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();

	/**
	 * @param decoder the JWT decoder of {@code spring.security.oauth2.resourceserver.jwt.*}, or
	 * {@code null} when none is configured (API keys only)
	 */
	Credentials(ApiKeys keys, JwtDecoder decoder, String fieldsClaim, Clock clock, int capacity) {
		this.keys = keys;
		this.clock = clock;
		this.capacity = capacity;
		if (decoder == null) {
			this.jwts = null;
		}
		else {
			JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
			this.jwts = new JwtAuthenticationProvider(decoder);
			this.jwts.setJwtAuthenticationConverter(
					jwt -> new ScopedJwt(jwt, scopes.convert(jwt), fieldScope(jwt, fieldsClaim)));
		}
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		if (this.keys.accepts(token)) {
			return new ApiKey();
		}
		if (this.jwts == null) {
			throw new InvalidBearerTokenException("The token is not a valid API key (no JWT issuer is configured)");
		}
		ByteBuffer digest = digest(token);
		Instant now = this.clock.instant();
		Verified cached = this.verified.get(digest);
		if (cached != null && now.isBefore(cached.expiresAt())) {
			return cached.authentication();
		}
		Authentication result = this.jwts.authenticate(authentication);
		Instant expiresAt = ((ScopedJwt) result).getToken().getExpiresAt();
		if (this.capacity > 0 && expiresAt != null) {
			remember(digest, new Verified(result, expiresAt), now);
		}
		return result;
	}

	private void remember(ByteBuffer digest, Verified entry, Instant now) {
		if (this.verified.size() >= this.capacity) {
			this.verified.values().removeIf(v -> !now.isBefore(v.expiresAt()));
			// Still full of live tokens: drop some, any; they are verified again on their next use.
			Iterator<ByteBuffer> oldest = this.verified.keySet().iterator();
			while (this.verified.size() >= this.capacity && oldest.hasNext()) {
				oldest.next();
				oldest.remove();
			}
		}
		this.verified.put(digest, entry);
	}

	private static ByteBuffer digest(String token) {
		try {
			return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** The claim's fields: a list of names, or one name; absent means every field. */
	private static FieldScope fieldScope(Jwt jwt, String claim) {
		Object value = jwt.getClaims().get(claim);
		if (value == null) {
			return FieldScope.ALL;
		}
		if (value instanceof Collection<?> names) {
			return FieldScope.of(names.stream().map(String::valueOf).toList());
		}
		return FieldScope.of(List.of(String.valueOf(value)));
	}

	private record Verified(Authentication authentication, Instant expiresAt) {
	}

	/** A JWT's authentication, with the fields it may see. */
	static final class ScopedJwt extends JwtAuthenticationToken implements FieldScope.Carrier {

		private final FieldScope scope;

		ScopedJwt(Jwt jwt, Collection<GrantedAuthority> authorities, FieldScope scope) {
			super(jwt, authorities);
			this.scope = scope;
		}

		@Override
		public FieldScope fieldScope() {
			return this.scope;
		}

	}

	/** An API key's authentication: every scope, every field; the key itself is not kept. */
	static final class ApiKey extends AbstractAuthenticationToken implements FieldScope.Carrier {

		ApiKey() {
			super(API_KEY_AUTHORITIES);
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return "api-key";
		}

		@Override
		public FieldScope fieldScope() {
			return FieldScope.ALL;
		}

	}

}
