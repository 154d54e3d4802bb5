package io.wellgate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A real token issuer for tests: an RSA key made here, its public half served as a JWK set over
 * HTTP on loopback (as Keycloak or Auth0 serve theirs), and JWTs signed with it. One per test JVM;
 * point {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} at {@link #jwkSetUri()}.
 */
public final class TestTokens {

	private static final TestTokens INSTANCE = new TestTokens();

	private final RSAKey key;

	private final RSAKey stranger;

	private final HttpServer server;

	private final AtomicInteger jwkSetRequests = new AtomicInteger();

	private TestTokens() {
		this.key = rsa("wellgate-test");
		this.stranger = rsa("wellgate-test");
		byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/jwks", exchange -> {
			this.jwkSetRequests.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(jwks);
			}
		});
		this.server.start();
	}

	public static TestTokens issuer() {
		return INSTANCE;
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks";
	}

	/** How often the JWK set was fetched. */
	public int jwkSetRequests() {
		return this.jwkSetRequests.get();
	}

	/** A token valid for an hour with these scopes (space-separated) and, unless null, fields. */
	public String token(String scopes, List<String> fields) {
		JWTClaimsSet.Builder claims = claims(scopes, Duration.ofHours(1));
		if (fields != null) {
			claims.claim("fields", fields);
		}
		return sign(claims.build(), this.key);
	}

	/** A token with arbitrary extra claims. */
	public String token(String scopes, Map<String, Object> extra) {
		JWTClaimsSet.Builder claims = claims(scopes, Duration.ofHours(1));
		extra.forEach(claims::claim);
		return sign(claims.build(), this.key);
	}

	/** A token that expired a minute ago (beyond the default clock skew of a minute: two). */
	public String expired(String scopes) {
		return sign(claims(scopes, Duration.ofMinutes(-3)).build(), this.key);
	}

	/** A well-formed token signed by a key the JWK set does not hold. */
	public String forged(String scopes) {
		return sign(claims(scopes, Duration.ofHours(1)).build(), this.stranger);
	}

	/** Claims with {@code scope} unless {@code scopes} is null. */
	private static JWTClaimsSet.Builder claims(String scopes, Duration validFor) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("dashboard-" + UUID.randomUUID())
			.issuer("https://issuer.test")
			.issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
			.expirationTime(Date.from(now.plus(validFor)));
		return (scopes == null) ? claims : claims.claim("scope", scopes);
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsa(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(keyId)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
