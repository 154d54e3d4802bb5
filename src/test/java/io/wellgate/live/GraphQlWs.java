package io.wellgate.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A graphql-ws client (the {@code graphql-transport-ws} subprotocol) over a real WebSocket, the
 * JDK's: what a browser dashboard speaks. Messages of each subscription are queued by id.
 */
final class GraphQlWs implements WebSocket.Listener, AutoCloseable {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, BlockingQueue<JsonNode>> byId = new ConcurrentHashMap<>();

	private final BlockingQueue<JsonNode> control = new LinkedBlockingQueue<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	static GraphQlWs connect(int port) {
		return connect(port, null);
	}

	/** Connects with {@code Authorization: Bearer <token>} on the handshake (none when null). */
	static GraphQlWs connect(int port, String token) {
		return connect(port, token, Map.of());
	}

	/** Connects as a browser does: no header on the handshake, {@code payload} in {@code connection_init}. */
	static GraphQlWs connectWithInit(int port, Map<String, Object> payload) {
		return connect(port, null, payload);
	}

	private static GraphQlWs connect(int port, String token, Map<String, Object> payload) {
		GraphQlWs client = new GraphQlWs();
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), client).join();
		client.send(Map.of("type", "connection_init", "payload", payload));
		JsonNode ack = client.poll(client.control);
		assertThat(ack.get("type").asString()).isEqualTo("connection_ack");
		return client;
	}

	/** Subscribes; returns the subscription's id. */
	String subscribe(String document, Map<String, Object> variables) {
		String id = Integer.toString(this.ids.incrementAndGet());
		this.byId.put(id, new LinkedBlockingQueue<>());
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
		return id;
	}

	/** The next message of a subscription (next, error or complete). */
	JsonNode message(String id) {
		return poll(this.byId.get(id));
	}

	/** The next push's {@code data}, failing on anything else. */
	JsonNode next(String id) {
		JsonNode message = message(id);
		assertThat(message.get("type").asString()).as(message.toString()).isEqualTo("next");
		assertThat(message.get("payload").has("errors")).as(message.toString()).isFalse();
		return message.get("payload").get("data");
	}

	/**
	 * The first push of a subscription that the server may still be setting up: {@code write} is
	 * repeated every half second (at most 60 times) until a push comes.
	 */
	JsonNode nextAfter(String id, Runnable write) {
		for (int attempt = 0; attempt < 60; attempt++) {
			write.run();
			for (int wait = 0; wait < 10 && !hasMessage(id); wait++) {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
			if (hasMessage(id)) {
				return next(id);
			}
		}
		return next(id);
	}

	/** Whether a message is already queued for the subscription, without waiting. */
	boolean hasMessage(String id) {
		return !this.byId.get(id).isEmpty();
	}

	void complete(String id) {
		send(Map.of("id", id, "type", "complete"));
	}

	private void send(Map<String, Object> message) {
		this.socket.sendText(json.writeValueAsString(message), true).join();
	}

	private JsonNode poll(BlockingQueue<JsonNode> queue) {
		try {
			JsonNode message = queue.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			if (message == null) {
				fail("No message within " + PATIENCE);
			}
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			JsonNode message = json.readTree(this.partial.toString());
			this.partial.setLength(0);
			JsonNode id = message.get("id");
			if (id != null && this.byId.containsKey(id.asString())) {
				this.byId.get(id.asString()).add(message);
			}
			else if (message.get("type").asString().equals("ping")) {
				send(Map.of("type", "pong"));
			}
			else {
				this.control.add(message);
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}

}
