package io.wellgate.access;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read and write. JWTs are verified with Spring Security's resource-server settings
 * ({@code spring.security.oauth2.resourceserver.jwt.*}).
 *
 * @param apiKeys bearer tokens accepted for writes (every scope, every field); none means one
 * is generated at start
 * @param readAccess {@code open}: anyone may read; {@code token}: reads need a JWT with the
 * scope {@code wells:read} or an API key
 * @param fieldsClaim the JWT claim listing the oil fields a token may see and write; a token
 * without it sees every field
 * @param tokenCache verified JWTs kept (by digest, until they expire) so that a token's
 * signature is checked once, not on every request; 0: none
 * @param observations whether Spring Security records its own observations (the
 * {@code spring.security.*} metrics and spans: one for every filter of every request, and for
 * each authentication and authorization). Off by default: they cost 6.6% of a daily read's CPU in
 * a profile, and {@code http.server.requests} already times every request with its outcome
 */
@ConfigurationProperties("wellgate.security")
@Validated
public record AccessProperties(@DefaultValue List<String> apiKeys, @DefaultValue("open") @NotNull ReadAccess readAccess,
		@DefaultValue("fields") @NotBlank String fieldsClaim, @DefaultValue("10000") @Min(0) int tokenCache,
		@DefaultValue("false") boolean observations) {

	/** Whether a read needs a token: the one rule the HTTP filter chain and the GraphQL interceptor share. */
	public boolean readsNeedToken() {
		return this.readAccess == ReadAccess.TOKEN;
	}

	/** Who may read. */
	public enum ReadAccess {

		/** Anyone who can reach the service (the embedded demo). */
		OPEN,

		/** A valid JWT with {@code wells:read}, or an API key. */
		TOKEN

	}

}
