package io.wellgate.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A dashboard opening: its queries sent at once, one thread per query kind, as a browser sends
 * them. Measures each request and the whole page (until the last answer).
 */
final class DashboardLoad {

	private static final int WARMUP_PAGES = 20;

	private static final Stopwatch PAGES = new Stopwatch(0, 200, 200, Duration.ofSeconds(60));

	private final ServiceHttp http;

	private final Map<String, HttpRequest> queries;

	DashboardLoad(ServiceHttp http, Map<String, HttpRequest> queries) {
		this.http = http;
		this.queries = queries;
	}

	/**
	 * @param page from sending the queries to the last answer
	 * @param requests every request, whatever its kind
	 * @param perQuery each kind's requests
	 */
	record Result(Timing page, Timing requests, Map<String, Timing> perQuery) {
	}

	Result measure() throws Exception {
		List<String> names = List.copyOf(this.queries.keySet());
		Map<String, List<Long>> latencies = new LinkedHashMap<>();
		names.forEach(name -> latencies.put(name, new ArrayList<>()));
		ExecutorService threads = Executors.newFixedThreadPool(names.size());
		boolean[] measuring = { false };
		try {
			Stopwatch.Task page = () -> {
				List<Future<Long>> answers = new ArrayList<>();
				for (String name : names) {
					answers.add(threads.submit(() -> timed(this.queries.get(name))));
				}
				for (int i = 0; i < names.size(); i++) {
					long nanos = answers.get(i).get();
					if (measuring[0]) {
						latencies.get(names.get(i)).add(nanos);
					}
				}
			};
			for (int i = 0; i < WARMUP_PAGES; i++) {
				page.run();
			}
			measuring[0] = true;
			Timing pages = PAGES.time(page);
			Map<String, Timing> perQuery = new LinkedHashMap<>();
			latencies.forEach((name, nanos) -> perQuery.put(name, Timing.of(array(nanos))));
			return new Result(pages, Timing.of(array(latencies.values().stream().flatMap(List::stream).toList())), perQuery);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private long timed(HttpRequest request) {
		long started = System.nanoTime();
		this.http.send(request);
		return System.nanoTime() - started;
	}

	private static long[] array(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).toArray();
	}

}
