package io.wellgate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a real program from a test (npm, node), for the tests that check wellgate against another
 * project's own code and skip where the program is not installed.
 */
public final class Commands {

	private Commands() {
	}

	/** What a finished command printed (stdout and stderr together) and its exit code. */
	public record Result(int exit, String output) {
	}

	/** Whether {@code command} runs and succeeds here, e.g. {@code npm --version}. */
	public static boolean available(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Runs {@code command} in {@code directory}, failing the test if it does not finish in 5 minutes. */
	public static Result run(Path directory, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
		return new Result(process.exitValue(), output);
	}

}
