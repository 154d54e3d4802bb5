package io.wellgate.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.wellgate.TestTokens;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a bearer token becomes an authentication: an API key holds every scope, a JWT its own and
 * the fields of its claim; a verified JWT is kept by digest until it expires, so its signature is
 * checked once. The decoder is Spring Security's own, reading the test issuer's JWK set over HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsTests {

	final AtomicInteger decoded = new AtomicInteger();

	final NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(TestTokens.issuer().jwkSetUri()).build();

	final JwtDecoder decoder = token -> {
		this.decoded.incrementAndGet();
		return this.nimbus.decode(token);
	};

	Instant now = Instant.now();

	final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return CredentialsTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	@Test
	void aJwtCarriesItsScopesAndFields() {
		Authentication authentication = credentials(100)
			.authenticate(bearer(TestTokens.issuer().token("wells:read", List.of("Permian", "Bakken"))));

		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly(Scopes.WELLS_READ);
		assertThat(FieldScope.of(authentication)).isEqualTo(FieldScope.of(List.of("Bakken", "Permian")));
	}

	@Test
	void aFieldsClaimOfOneNameIsOneField() {
		Authentication authentication = credentials(100)
			.authenticate(bearer(TestTokens.issuer().token("wells:read", Map.of("fields", "Permian"))));

		assertThat(FieldScope.of(authentication).sees("Permian")).isTrue();
		assertThat(FieldScope.of(authentication).sees("Bakken")).isFalse();
	}

	@Test
	void anApiKeyHoldsEveryScopeAndEveryField() {
		Authentication authentication = credentials(100).authenticate(bearer("test-key"));

		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains(Scopes.WELLS_READ, Scopes.TELEMETRY_WRITE, Scopes.WELLS_WRITE, Scopes.AGGREGATES_ADMIN);
		assertThat(FieldScope.of(authentication).unrestricted()).isTrue();
	}

	@Test
	void aVerifiedTokenIsDecodedOnceUntilItExpires() {
		Credentials credentials = credentials(100);
		String token = TestTokens.issuer().token("wells:read", (List<String>) null);

		Authentication first = credentials.authenticate(bearer(token));
		Authentication again = credentials.authenticate(bearer(token));
		this.now = this.now.plus(Duration.ofHours(2));
		credentials.authenticate(bearer(token));

		assertThat(again).isSameAs(first);
		// Past its expiry the cached entry is not used: the token is decoded (and checked) again.
		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void withoutACacheEveryRequestIsDecoded() {
		Credentials credentials = credentials(0);
		String token = TestTokens.issuer().token("wells:read", (List<String>) null);

		credentials.authenticate(bearer(token));
		credentials.authenticate(bearer(token));

		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void aFullCacheStaysWithinItsBound() {
		Credentials credentials = credentials(2);
		for (int i = 0; i < 5; i++) {
			credentials.authenticate(bearer(TestTokens.issuer().token("wells:read", (List<String>) null)));
		}
		String kept = TestTokens.issuer().token("wells:read", (List<String>) null);
		credentials.authenticate(bearer(kept));
		credentials.authenticate(bearer(kept));

		assertThat(this.decoded).hasValue(6);
	}

	@Test
	void withoutAnIssuerOnlyApiKeysAreAccepted() {
		Credentials credentials = new Credentials(keys("test-key"), null, "fields", this.clock, 100);

		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> credentials.authenticate(bearer(TestTokens.issuer().token("wells:read", (List<String>) null))))
			.withMessageContaining("not a valid API key");
	}

	@Test
	void aGeneratedKeyIsLoggedOnceAndMaskedAfter(CapturedOutput output) {
		ApiKeys keys = keys("");
		String masked = keys.generatedMasked();
		String logged = output.getAll();
		String key = logged.substring(logged.indexOf("for this run: ") + "for this run: ".length()).strip();

		assertThat(key).hasSize(32);
		assertThat(keys.accepts(key)).isTrue();
		assertThat(masked).isEqualTo(key.substring(0, 4) + "…").doesNotContain(key);
		assertThat(logged.split(key, -1)).hasSize(2);
	}

	private Credentials credentials(int capacity) {
		return new Credentials(keys("test-key"), this.decoder, "fields", this.clock, capacity);
	}

	private static ApiKeys keys(String configured) {
		AccessProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("wellgate.security.api-keys", configured)))
			.bindOrCreate("wellgate.security", AccessProperties.class);
		return new ApiKeys(properties);
	}

	private static BearerTokenAuthenticationToken bearer(String token) {
		return new BearerTokenAuthenticationToken(token);
	}

}
