package io.wellgate.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link HttpTimer} in a child JVM (the same java and classpath as this one) against the
 * service and reads its timings back.
 */
final class RemoteHttp {

	/** Untimed requests before any timing: the service's request path must be compiled by then. */
	static final int WARMUP_SECONDS = 30;

	private final String base;

	private final int warmupSeconds;

	RemoteHttp(String base) {
		this(base, WARMUP_SECONDS);
	}

	RemoteHttp(String base, int warmupSeconds) {
		this.base = base;
		this.warmupSeconds = warmupSeconds;
	}

	/**
	 * @param anonymous the read without a token
	 * @param bearer the same read with a valid bearer token, sent alternately with it
	 */
	record Auth(Timing anonymous, Timing bearer) {

		/** bearer p50 - anonymous p50, ms */
		double differenceMillis() {
			return this.bearer.p50() - this.anonymous.p50();
		}

	}

	/** {@code body} over one kept-alive connection, {@code runs} times each without and with {@code token}, in turn. */
	Auth auth(String body, int runs, String token) throws IOException, InterruptedException {
		Map<String, long[]> series = run(List.of(body), "auth", String.valueOf(runs), token);
		return new Auth(Timing.of(series.get("anonymous")), Timing.of(series.get("bearer")));
	}

	/**
	 * Each body alone, back to back: at least {@code runs} times, more while they fit in
	 * {@code secondsEach} seconds (at most ten times as many).
	 */
	List<Timing> each(List<String> bodies, int runs, int secondsEach) throws IOException, InterruptedException {
		Map<String, long[]> series = run(bodies, "each", String.valueOf(runs), String.valueOf(secondsEach));
		List<Timing> timings = new ArrayList<>();
		for (int i = 0; i < bodies.size(); i++) {
			timings.add(Timing.of(series.get("body " + i)));
		}
		return timings;
	}

	/**
	 * @param page from sending all bodies at once to the last answer
	 * @param bodies each body's own requests, in the order given
	 */
	record Pages(Timing page, List<long[]> bodies) {
	}

	/** All bodies at once, {@code pages} times. */
	Pages pages(List<String> bodies, int pages) throws IOException, InterruptedException {
		Map<String, long[]> series = run(bodies, "page", String.valueOf(pages));
		List<long[]> perBody = new ArrayList<>();
		for (int i = 0; i < bodies.size(); i++) {
			perBody.add(series.get("body " + i));
		}
		return new Pages(Timing.of(series.get("page")), perBody);
	}

	private Map<String, long[]> run(List<String> bodies, String mode, String... settings)
			throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of(mode, this.base, String.valueOf(this.warmupSeconds)));
		args.addAll(Arrays.asList(settings));
		String output = ChildJvm.run(HttpTimer.class, args, bodies, Duration.ofMinutes(30));
		Map<String, long[]> series = new HashMap<>();
		for (String line : output.lines().toList()) {
			int split = line.lastIndexOf(' ');
			if (split > 0 && !line.substring(split + 1).isEmpty()) {
				series.put(line.substring(0, split),
						Arrays.stream(line.substring(split + 1).split(",")).mapToLong(Long::parseLong).toArray());
			}
		}
		return series;
	}

}
