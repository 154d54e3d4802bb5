package io.wellgate.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A subscription over Server-Sent Events ({@code POST /graphql}, {@code Accept:
 * text/event-stream}) on a real socket: each event's name and data are queued as they arrive.
 */
final class SseSubscription implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<InputStream>> response;

	private SseSubscription(CompletableFuture<HttpResponse<InputStream>> response) {
		this.response = response;
		response.thenAccept(answer -> {
			Thread reader = new Thread(() -> read(answer.body()), "sse-test-reader");
			reader.setDaemon(true);
			reader.start();
		});
	}

	static SseSubscription open(int port, String document, Map<String, Object> variables) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", document, "variables", variables))))
			.build();
		return new SseSubscription(HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
	}

	/** The answer's status, once its headers came (with the first event). */
	int status() {
		return this.response.join().statusCode();
	}

	/** The next event (its name: next or complete). */
	Event event() {
		try {
			Event event = this.events.poll(GraphQlWs.PATIENCE.toSeconds(), TimeUnit.SECONDS);
			if (event == null) {
				fail("No event within " + GraphQlWs.PATIENCE);
			}
			return event;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next push's {@code data}, failing on anything else. */
	JsonNode next() {
		Event event = event();
		assertThat(event.name()).as(String.valueOf(event.data())).isEqualTo("next");
		assertThat(event.data().has("errors")).as(event.data().toString()).isFalse();
		return event.data().get("data");
	}

	private void read(InputStream body) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, json.readTree(data.toString())));
					}
					else if (name.equals("complete")) {
						this.events.add(new Event(name, null));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (IOException ex) {
			// Closed.
		}
	}

	@Override
	public void close() throws IOException {
		if (this.response.isDone()) {
			this.response.join().body().close();
		}
		else {
			this.response.cancel(true);
		}
	}

	record Event(String name, JsonNode data) {
	}

}
