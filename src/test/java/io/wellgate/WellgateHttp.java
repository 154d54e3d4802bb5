package io.wellgate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for end-to-end tests: requests go over a socket to the running service.
 */
public final class WellgateHttp {

	public static final String TOKEN = "test-key";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	public WellgateHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Response post(String path, String contentType, String body, String token) {
		return post(path, contentType, HttpRequest.BodyPublishers.ofString(body), token);
	}

	public Response post(String path, String contentType, HttpRequest.BodyPublisher body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", contentType)
			.POST(body);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/** Posts JSON with one extra header. */
	public Response postWithHeader(String path, String json, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofMinutes(1))
			.header("Content-Type", "application/json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofMinutes(1)).GET().build());
	}

	public Response get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofMinutes(1))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build());
	}

	/** Posts a GraphQL operation; the answer's body is the GraphQL response. */
	public Response graphql(String document, Map<String, Object> variables, String token) {
		String body = json.writeValueAsString(Map.of("query", document, "variables", variables));
		return post("/graphql", "application/json", body, token);
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return WellgateHttp.json.readTree(this.body);
		}

	}

}
