package io.wellgate.access;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import io.wellgate.system.ProblemResponses;
import io.wellgate.system.WebProperties;

/**
 * Who may do what. A bearer token is an API key (every scope) or a JWT of the configured issuer
 * (Spring Security's resource server, {@code spring.security.oauth2.resourceserver.jwt.*}, its
 * scopes); both are read by one filter ({@link Credentials}). The bulk endpoints are guarded here
 * by scope; the GraphQL mutations by {@code @PreAuthorize} on their controllers (they share
 * {@code POST /graphql} with queries), and queries by {@link DocumentCache} when
 * {@code wellgate.security.read-access} is {@code token}, where every GraphQL request, the schema
 * and the metrics need a valid token here first. Health stays open. CORS answers the origins of
 * {@code wellgate.web.cors.allowed-origins} only. The REST analytics calls ({@code GET /api/v1/analytics/**})
 * are reads: open, or behind {@code wells:read} in token mode.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** The authority API keys had before scopes, kept for code written against it. */
	static final String WRITER = "ROLE_WRITER";

	@Bean
	Credentials credentials(ApiKeys keys, ObjectProvider<JwtDecoder> decoder, AccessProperties security, Clock clock) {
		return new Credentials(keys, decoder.getIfAvailable(), security.fieldsClaim(), clock, security.tokenCache());
	}

	/** Spring Security's own observations, off unless {@code wellgate.security.observations} (see {@link AccessProperties}). */
	@Bean
	SecurityObservationSettings securityObservations(AccessProperties security) {
		return security.observations() ? SecurityObservationSettings.withDefaults().build()
				: SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Credentials credentials, AccessProperties access,
			WebProperties web, ObjectProvider<MeterRegistry> meters) throws Exception {
		boolean readsNeedToken = access.readsNeedToken();
		TokenFailures failures = new TokenFailures(meters.getIfAvailable());
		http.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(cors -> cors.configurationSource(cors(web.cors())))
			.oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> credentials)
				.authenticationEntryPoint(failures)
				.accessDeniedHandler(failures))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
				requests.requestMatchers(HttpMethod.POST, "/api/v1/telemetry", "/api/v1/diagnostics")
					.hasAuthority(Scopes.TELEMETRY_WRITE);
				requests.requestMatchers(HttpMethod.POST, "/api/v1/wells").hasAuthority(Scopes.WELLS_WRITE);
				if (readsNeedToken) {
					requests.requestMatchers("/graphql/schema").hasAuthority(Scopes.WELLS_READ);
					requests.requestMatchers(HttpMethod.GET, "/api/v1/analytics/**").hasAuthority(Scopes.WELLS_READ);
					// A browser's WebSocket handshake carries no header: its token comes in connection_init
					// (WebSocketCredentials), and an operation without one is refused as any read is.
					requests.requestMatchers(request -> "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
							&& "/graphql".equals(request.getRequestURI())).permitAll();
					requests.requestMatchers("/graphql", "/graphql/**", "/actuator/**").authenticated();
				}
				else {
					requests.requestMatchers(HttpMethod.GET, "/api/v1/analytics/**").permitAll();
				}
				requests.requestMatchers("/api/**").authenticated();
				requests.anyRequest().permitAll();
			})
			.exceptionHandling(errors -> errors.authenticationEntryPoint(failures).accessDeniedHandler(failures));
		return http.build();
	}

	private static UrlBasedCorsConfigurationSource cors(WebProperties.Cors settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (settings.allowedOrigins().isEmpty()) {
			return source;
		}
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(settings.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-None-Match"));
		cors.setExposedHeaders(List.of("ETag", "WWW-Authenticate"));
		cors.setAllowCredentials(true);
		cors.setMaxAge(3600L);
		for (String path : List.of("/graphql", "/graphql/**", "/api/**")) {
			source.registerCorsConfiguration(path, cors);
		}
		return source;
	}

	/**
	 * Answers a missing or bad token ({@code 401}) and a token without the scope ({@code 403}) with
	 * Spring Security's RFC 6750 {@code WWW-Authenticate} header and an RFC 9457 problem document,
	 * and counts bad tokens by reason (never the token) in {@code wellgate.security.token.failures}.
	 */
	static final class TokenFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

		private final BearerTokenAuthenticationEntryPoint header = new BearerTokenAuthenticationEntryPoint();

		private final BearerTokenAccessDeniedHandler deniedHeader = new BearerTokenAccessDeniedHandler();

		private final MeterRegistry meters;

		TokenFailures(MeterRegistry meters) {
			this.meters = meters;
		}

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException ex) throws IOException {
			this.header.commence(request, response, ex);
			String detail = "This needs the header 'Authorization: Bearer <token>' with a valid JWT or API key";
			if (ex instanceof OAuth2AuthenticationException bad) {
				count(reason(bad));
				detail = "The bearer token was refused: " + safeDescription(bad);
			}
			ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				AccessDeniedException ex) throws IOException {
			this.deniedHeader.handle(request, response, ex);
			ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden",
					"The token lacks the scope this needs: " + scopeFor(request));
		}

		private void count(String reason) {
			if (this.meters != null) {
				Counter.builder("wellgate.security.token.failures")
					.description("Bearer tokens refused, by reason (the tokens themselves are never recorded)")
					.tag("reason", reason)
					.register(this.meters)
					.increment();
			}
		}

		private static String reason(OAuth2AuthenticationException ex) {
			String description = String.valueOf(ex.getError().getDescription()).toLowerCase();
			if (description.contains("expired")) {
				return "expired";
			}
			if (description.contains("signature") || description.contains("jws")) {
				return "signature";
			}
			if (description.contains("malformed")) {
				return "malformed";
			}
			return ex.getError().getErrorCode();
		}

		/** The failure's description, which names no claim value beyond an expiry time. */
		private static String safeDescription(OAuth2AuthenticationException ex) {
			String description = ex.getError().getDescription();
			return (description == null) ? ex.getError().getErrorCode() : description;
		}

		private static String scopeFor(HttpServletRequest request) {
			String path = request.getRequestURI();
			if (path.startsWith("/api/v1/wells")) {
				return "wells:write";
			}
			if (path.startsWith("/api/")) {
				return "telemetry:write";
			}
			return "wells:read";
		}

	}

}
