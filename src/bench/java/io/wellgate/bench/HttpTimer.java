package io.wellgate.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The end-to-end HTTP timings, taken by a process of its own (as a browser or a gateway is), so
 * that the client's threads, garbage and JIT do not share the service's JVM. Run by
 * {@link RemoteHttp}; prints its timings, in nanoseconds, one line per series.
 * <p>
 * Arguments: mode, base URL (loopback), warm-up seconds, then
 * <ul>
 * <li>{@code each}: runs per body (at least), seconds per body (at most, once the runs are
 * done), the bodies' file. Sends each body alone, back to back. Prints
 * {@code body <index> <nanos>,<nanos>...}.</li>
 * <li>{@code page}: pages, the bodies' file. Sends all bodies at once, one thread each, as a
 * dashboard opening does, and waits for the last answer. Prints {@code page <nanos>...} and
 * {@code body <index> <nanos>...}.</li>
 * <li>{@code auth}: runs, a bearer token, the bodies' file. Sends the first body alternately without
 * and with {@code Authorization: Bearer <token>} over one connection. Prints {@code anonymous
 * <nanos>...} and {@code bearer <nanos>...}.</li>
 * </ul>
 * The warm-up sends every body in turn for the given seconds, untimed; {@code each} then sends each
 * body on its own {@link #EACH_WARMUP_SENDS} times more (at most {@link #EACH_WARMUP_AT_MOST}) before timing it.
 * <p>
 * The client is a plain blocking HTTP/1.1 one over a kept-alive socket per thread, as curl is:
 * the JDK's {@code HttpClient} hands each exchange between threads and added 0.3 to 0.7 ms to
 * every request on this kind of machine, a cost of that client, not of the service.
 */
public final class HttpTimer {

	/**
	 * Untimed sends of each body on its own, right before it is timed: this many, or as many as
	 * {@link #EACH_WARMUP_AT_MOST} allows (at least 10).
	 */
	static final int EACH_WARMUP_SENDS = 10_000;

	static final Duration EACH_WARMUP_AT_MOST = Duration.ofSeconds(20);

	private final URI graphql;

	private final List<byte[]> requests;

	private final ThreadLocal<Connection> connections = new ThreadLocal<>();

	private HttpTimer(String base, List<String> bodies) {
		this.graphql = URI.create(base + "/graphql");
		this.requests = bodies.stream().map(body -> request(body, "")).toList();
	}

	/** A POST of this JSON body with these extra header lines (each ending in CRLF). */
	private byte[] request(String body, String headers) {
		byte[] json = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + this.graphql.getRawPath() + " HTTP/1.1\r\nHost: " + this.graphql.getHost() + ":"
				+ this.graphql.getPort() + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + headers
				+ "Content-Length: " + json.length + "\r\n\r\n";
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
		request.writeBytes(json);
		return request.toByteArray();
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
		List<String> bodies = Files.readAllLines(Path.of(args[args.length - 1]));
		HttpTimer timer = new HttpTimer(args[1], bodies);
		timer.warmUp(warmup);
		switch (mode) {
			case "each" -> timer.each(Integer.parseInt(args[3]), Duration.ofSeconds(Long.parseLong(args[4])));
			case "page" -> timer.pages(Integer.parseInt(args[3]));
			case "auth" -> timer.auth(bodies.get(0), Integer.parseInt(args[3]), args[4]);
			default -> throw new IllegalArgumentException("mode: each, page or auth, got " + mode);
		}
	}

	private void warmUp(Duration duration) throws Exception {
		long until = System.nanoTime() + duration.toNanos();
		for (int i = 0; System.nanoTime() < until; i++) {
			send(this.requests.get(i % this.requests.size()));
		}
	}

	private void each(int runs, Duration budget) throws Exception {
		for (int i = 0; i < this.requests.size(); i++) {
			byte[] request = this.requests.get(i);
			// The body alone first. On a service just started, the one-well hourly read took 6 ms
			// over its first 1,000 sends, 3 ms up to 7,000 and 1.1-1.3 ms from 10,000 on (C2 at
			// work on two cores); the round-robin warm-up sends a 3 ms body only about 80 times in
			// 30 s, once per cycle of the 300 ms fleet reads. A service in the field has answered
			// its dashboards' reads many thousand times.
			long warmUntil = System.nanoTime() + EACH_WARMUP_AT_MOST.toNanos();
			for (int w = 0; w < 10 || (w < EACH_WARMUP_SENDS && System.nanoTime() < warmUntil); w++) {
				send(request);
			}
			List<Long> nanos = new ArrayList<>();
			long deadline = System.nanoTime() + budget.toNanos();
			while (nanos.size() < runs || (System.nanoTime() < deadline && nanos.size() < 10 * runs)) {
				nanos.add(send(request));
			}
			print("body " + i, nanos);
		}
	}

	/**
	 * The same body without and with {@code Authorization: Bearer <token>}, alternately over this
	 * thread's one kept-alive connection, so that both see the same moments of a noisy machine.
	 */
	private void auth(String body, int runs, String token) throws Exception {
		byte[] anonymous = request(body, "");
		byte[] bearer = request(body, "Authorization: Bearer " + token + "\r\n");
		for (int w = 0; w < 100; w++) {
			send(anonymous);
			send(bearer);
		}
		List<Long> anonymousNanos = new ArrayList<>();
		List<Long> bearerNanos = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			anonymousNanos.add(send(anonymous));
			bearerNanos.add(send(bearer));
		}
		print("anonymous", anonymousNanos);
		print("bearer", bearerNanos);
	}

	private void pages(int pages) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(this.requests.size());
		try {
			List<Long> pageNanos = new ArrayList<>();
			List<List<Long>> bodyNanos = new ArrayList<>();
			this.requests.forEach(request -> bodyNanos.add(new ArrayList<>()));
			for (int p = 0; p < pages; p++) {
				long started = System.nanoTime();
				List<Future<Long>> answers = new ArrayList<>();
				for (byte[] request : this.requests) {
					answers.add(threads.submit(() -> send(request)));
				}
				for (int i = 0; i < answers.size(); i++) {
					bodyNanos.get(i).add(answers.get(i).get());
				}
				pageNanos.add(System.nanoTime() - started);
			}
			print("page", pageNanos);
			for (int i = 0; i < bodyNanos.size(); i++) {
				print("body " + i, bodyNanos.get(i));
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Sends and answers how long it took; anything but a 200 without GraphQL errors stops the run. */
	private long send(byte[] request) throws IOException {
		Connection connection = this.connections.get();
		if (connection == null) {
			connection = new Connection(new Socket(this.graphql.getHost(), this.graphql.getPort()));
			this.connections.set(connection);
		}
		long started = System.nanoTime();
		connection.out.write(request);
		connection.out.flush();
		Response response = connection.read();
		long nanos = System.nanoTime() - started;
		if (response.close()) {
			// Tomcat closes a kept-alive connection after a number of requests; the next send opens another.
			connection.socket.close();
			this.connections.remove();
		}
		String body = new String(response.body(), StandardCharsets.UTF_8);
		if (response.status() != 200 || body.contains("\"errors\":[")) {
			throw new IllegalStateException("The service answered " + response.status() + ": "
					+ body.substring(0, Math.min(500, body.length())));
		}
		return nanos;
	}

	private record Response(int status, byte[] body, boolean close) {
	}

	/** One kept-alive connection: writes requests, reads responses (Content-Length or chunked). */
	private static final class Connection {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			socket.setTcpNoDelay(true);
			this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
			this.out = socket.getOutputStream();
		}

		Response read() throws IOException {
			String status = line();
			int code = Integer.parseInt(status.split(" ")[1]);
			long length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(header.indexOf(':') + 1).trim();
				if (name.equals("content-length")) {
					length = Long.parseLong(value);
				}
				else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
					close = true;
				}
				else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
					chunked = true;
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
						size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
					body.write(this.in.readNBytes(size));
					line();
				}
				while (!line().isEmpty()) {
					// trailers
				}
			}
			else if (length >= 0) {
				body.write(this.in.readNBytes((int) length));
			}
			else {
				throw new IOException("a response without Content-Length or chunked encoding");
			}
			return new Response(code, body.toByteArray(), close);
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IOException("the service closed the connection");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

	}

	private static void print(String series, List<Long> nanos) {
		System.out.println(series + " " + nanos.stream().map(String::valueOf).collect(Collectors.joining(",")));
	}

}
