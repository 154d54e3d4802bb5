package io.wellgate.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's HTTP client of the service in its own JVM, over loopback: it sends the fleet's
 * bodies for the timed ingest and the requests that set up or count things. End-to-end read
 * timings are taken from a second JVM ({@link RemoteHttp}).
 */
final class ServiceHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	ServiceHttp(String base) {
		this.base = base;
	}

	String base() {
		return this.base;
	}

	/** A GraphQL request (reads need no key). */
	HttpRequest graphql(String document, Map<String, Object> variables) {
		return graphql(graphqlBody(document, variables));
	}

	/** A GraphQL request with this JSON body. */
	HttpRequest graphql(String body) {
		return HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	static String graphqlBody(String document, Map<String, Object> variables) {
		return json.writeValueAsString(Map.of("query", document, "variables", variables));
	}

	/** A write of telemetry to the bulk endpoint, with the benchmark's key. */
	HttpRequest ingest(byte[] ndjson) {
		return HttpRequest.newBuilder(URI.create(this.base + "/api/v1/telemetry"))
			.timeout(Duration.ofMinutes(10))
			.header("Content-Type", "application/x-ndjson")
			.header("Authorization", "Bearer " + BenchService.API_KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(ndjson))
			.build();
	}

	/** Sends; the answer's body, or an exception for anything but a 200 without GraphQL errors. */
	String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("\"errors\":[")) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
