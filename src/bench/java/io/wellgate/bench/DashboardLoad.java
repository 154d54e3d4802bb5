package io.wellgate.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A dashboard opening: its queries sent at once, one thread per query kind, as a browser sends
 * them, from a process of its own ({@link RemoteHttp}). Measures each request and the whole page
 * (until the last answer).
 */
final class DashboardLoad {

	private static final int PAGES = 300;

	private final RemoteHttp http;

	private final Map<String, String> queries;

	DashboardLoad(RemoteHttp http, Map<String, String> queries) {
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

	Result measure() throws IOException, InterruptedException {
		List<String> names = List.copyOf(this.queries.keySet());
		RemoteHttp.Pages pages = this.http.pages(names.stream().map(this.queries::get).toList(), PAGES);
		Map<String, Timing> perQuery = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			perQuery.put(names.get(i), Timing.of(pages.bodies().get(i)));
		}
		long[] all = pages.bodies().stream().flatMapToLong(LongStream::of).toArray();
		return new Result(pages.page(), Timing.of(all), perQuery);
	}

}
