package io.wellgate.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Queries over {@code GET /graphql} (GraphQL over HTTP: {@code query}, {@code operationName},
 * {@code variables} and {@code extensions} as URL parameters, the last two JSON), so that HTTP
 * caches and browsers can revalidate them: an {@code If-None-Match} naming the answer's current
 * tag gets {@code 304} without the operation being run. A mutation or subscription gets
 * {@code 405} (GET must not change anything). The rest goes through the same GraphQL handler,
 * interceptors included, as {@code POST /graphql}.
 */
final class GraphQlGetHandler {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private final WebGraphQlHandler graphQl;

	private final CachedReads reads;

	private final ReadPlans plans;

	private final JsonMapper json;

	GraphQlGetHandler(WebGraphQlHandler graphQl, CachedReads reads, ReadPlans plans, JsonMapper json) {
		this.graphQl = graphQl;
		this.reads = reads;
		this.plans = plans;
		this.json = json;
	}

	ServerResponse handle(ServerRequest request) {
		String query = request.param("query").orElse("");
		if (query.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "GET /graphql needs the operation in the 'query' URL parameter");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		request.param("operationName").filter(name -> !name.isEmpty()).ifPresent(name -> body.put("operationName", name));
		for (String name : List.of("variables", "extensions")) {
			String text = request.param(name).orElse("");
			if (text.isBlank()) {
				continue;
			}
			try {
				body.put(name, this.json.readValue(text, Map.class));
			}
			catch (JacksonException | ClassCastException ex) {
				return error(HttpStatus.BAD_REQUEST, "The '" + name + "' URL parameter must be a JSON object");
			}
		}
		ReadPlan plan = this.plans.of(query, (String) body.get("operationName"), variables(body));
		if (plan.kind() == ReadPlan.Kind.MUTATION) {
			return notAllowed("A mutation must be sent with POST /graphql; GET only answers queries");
		}
		if (plan.kind() == ReadPlan.Kind.SUBSCRIPTION) {
			return notAllowed("A subscription is opened over graphql-ws at /graphql or with POST /graphql and "
					+ "'Accept: text/event-stream'; GET only answers queries");
		}
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				cookies(request), request.remoteAddress().orElse(null), request.attributes(), body,
				UUID.randomUUID().toString(), LocaleContextHolder.getLocale());
		CachedReads.Tag tag = this.reads.tag(graphQlRequest);
		if (tag != null && matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), tag.etag())) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(tag.etag())
				.header(HttpHeaders.CACHE_CONTROL, this.reads.cacheControl())
				.build();
		}
		return ServerResponse.async(this.graphQl.handleRequest(graphQlRequest)
			.map(response -> ServerResponse.ok()
				.headers(headers -> headers.putAll(response.getResponseHeaders()))
				.contentType(accepts(request, GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON)
				.body(response.toMap()))
			.toFuture());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> variables(Map<String, Object> body) {
		Object variables = body.get("variables");
		return (variables instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	/** Whether an {@code If-None-Match} header names {@code etag} (weakly compared, as RFC 9110 says). */
	private static boolean matches(List<String> ifNoneMatch, String etag) {
		String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
		for (String header : ifNoneMatch) {
			for (String candidate : header.split(",")) {
				String tag = candidate.strip();
				if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean accepts(ServerRequest request, MediaType type) {
		return request.headers().accept().stream().anyMatch(accepted -> accepted.equalsTypeAndSubtype(type));
	}

	private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
		MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
		request.cookies().forEach((name, values) -> values.forEach(
				cookie -> cookies.add(name, new HttpCookie(cookie.getName(), cookie.getValue()))));
		return cookies;
	}

	private static ServerResponse notAllowed(String message) {
		return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
			.header(HttpHeaders.ALLOW, "POST")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", "METHOD_NOT_ALLOWED")))));
	}

	private static ServerResponse error(HttpStatus status, String message) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", "BAD_REQUEST")))));
	}

}
