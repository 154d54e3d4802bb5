package io.wellgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The load of {@link Throughput} sent by {@code wrk}, a C client that keeps its connections alive
 * and costs the two cores that it shares with the service far less than {@link LoadClient}'s JVM:
 * 16 connections on 2 threads, the bodies sent in turn (each thread from its own place in them),
 * first the warm-up and then, in a run of its own, the measured period. Its script prints the line
 * that {@link LoadClient} prints, so both are read alike; an error is, as there, an answer other
 * than a 200, a 200 with GraphQL errors, or a failed exchange.
 */
final class WrkLoad {

	static final String COMMAND = "wrk";

	private static final int THREADS = 2;

	// language=Lua
	private static final String SCRIPT = """
			-- wellgate's benchmark load: args are the content type, the bearer token (- for none), the
			-- threads, the bodies' file (one request body per line, sent in turn from each thread's place)
			local threads = {}
			function setup(thread)
			  table.insert(threads, thread)
			  thread:set("place", #threads - 1)
			end
			function init(args)
			  headers = { ["Content-Type"] = args[1] }
			  if args[2] ~= "-" then headers["Authorization"] = "Bearer " .. args[2] end
			  bodies = {}
			  for line in io.lines(args[4]) do bodies[#bodies + 1] = line end
			  nextBody = place * math.floor(#bodies / tonumber(args[3]))
			  bad = 0
			  shown = ""
			end
			function request()
			  nextBody = nextBody % #bodies + 1
			  return wrk.format("POST", nil, headers, bodies[nextBody])
			end
			function response(status, headers, body)
			  if status ~= 200 or string.find(body, '"errors":[', 1, true) then
			    bad = bad + 1
			    if bad <= 3 then
			      shown = shown .. "error HTTP " .. status .. ": " .. string.sub(body, 1, 300):gsub("%s+", " ") .. "\\n"
			    end
			  end
			end
			function done(summary, latency, requests)
			  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
			  for _, thread in ipairs(threads) do
			    errors = errors + thread:get("bad")
			    io.write(thread:get("shown"))
			  end
			  io.write(string.format("requests=%d seconds=%.3f errors=%d timeouts=%d p50=%.3f p99=%.3f\\n",
			    summary.requests, summary.duration / 1e6, errors, summary.errors.timeout,
			    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
			end
			""";

	private WrkLoad() {
	}

	/** Whether {@code wrk} is on the {@code PATH}. */
	static boolean installed() {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, COMMAND))) {
				return true;
			}
		}
		return false;
	}

	/** The warm-up, then the measured period; what the measured run's script printed. */
	static String run(String base, List<String> bodies, Throughput.Load load, Duration timeout)
			throws IOException, InterruptedException {
		Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
		Path script = Files.createTempFile(target, "bench-wrk-", ".lua");
		try {
			Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
			if (load.warmupSeconds() > 0) {
				ChildJvm.process(COMMAND, command(base, load, load.warmupSeconds(), script), bodies, timeout);
			}
			return ChildJvm.process(COMMAND, command(base, load, load.seconds(), script), bodies, timeout);
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	private static List<String> command(String base, Throughput.Load load, int seconds, Path script) {
		int threads = Math.min(THREADS, load.clients());
		return List.of(COMMAND, "-t" + threads, "-c" + load.clients(), "-d" + seconds + "s", "--timeout",
				LoadClient.TIMEOUT.toSeconds() + "s", "-s", script.toString(), base + load.path(), "--", load.contentType(),
				load.token() == null ? "-" : load.token(), String.valueOf(threads));
	}

}
