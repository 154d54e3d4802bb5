package io.wellgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the benchmark in a JVM of its own (the same java and classpath as this
 * one), as a client of the service is a process of its own: the request bodies go to it in a
 * file, one per line, given as its last argument; its standard output comes back.
 */
final class ChildJvm {

	private ChildJvm() {
	}

	/** Runs {@code main} with {@code args} and then the bodies' file; its output, or an exception. */
	static String run(Class<?> main, List<String> args, List<String> bodies, Duration timeout)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(
				List.of(java.toString(), "-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(args);
		return process(main.getSimpleName(), command, bodies, timeout);
	}

	/**
	 * Runs {@code command} with the bodies' file as its last argument, as a process of its own (a
	 * child JVM, or another client such as {@code wrk}); its output, or an exception naming
	 * {@code name}.
	 */
	static String process(String name, List<String> command, List<String> bodies, Duration timeout)
			throws IOException, InterruptedException {
		Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
		Path file = Files.createTempFile(target, "bench-bodies-", ".ndjson");
		Path output = Files.createTempFile(target, "bench-output-", ".txt");
		try {
			Files.write(file, bodies, StandardCharsets.UTF_8);
			List<String> withBodies = new ArrayList<>(command);
			withBodies.add(file.toString());
			Process process = new ProcessBuilder(withBodies).redirectError(ProcessBuilder.Redirect.INHERIT)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(name + " did not finish within " + timeout);
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(name + " failed: " + printed);
			}
			return printed;
		}
		finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(output);
		}
	}

}
