package io.wellgate.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away cluster of the PostgreSQL that a distribution installed (Debian's
 * {@code postgresql-15} under {@code /usr/lib/postgresql/15/bin}): its own {@code initdb} and
 * {@code pg_ctl}, the settings as the package ships them (JIT on, default lock limits, 128MB of
 * shared buffers), listening on a free loopback port and deleted when closed. This is the server
 * users run, where the embedded one is built without JIT and started with settings of our choosing.
 * <p>
 * {@code initdb} and {@code postgres} refuse to run as root: as root, they run as the package's
 * {@code postgres} user. {@code WELLGATE_PG_BIN} (or {@code -Dwellgate.pg-bin}) names another
 * installation's {@code bin} directory.
 */
public final class DistributionPostgres implements AutoCloseable {

	private static final List<Path> INSTALLATIONS = List.of(Path.of("/usr/lib/postgresql"), Path.of("/usr/pgsql"));

	private final Path bin;

	private final Path dir;

	private final int port;

	private final String version;

	private DistributionPostgres(Path bin, Path dir, int port, String version) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
		this.version = version;
	}

	/** The newest installed distribution build of PostgreSQL 15 or later, if any. */
	public static Optional<Path> installed() {
		String configured = System.getProperty("wellgate.pg-bin", System.getenv().getOrDefault("WELLGATE_PG_BIN", ""));
		if (!configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(bin -> Files.isExecutable(bin.resolve("initdb")));
		}
		Optional<Path> newest = Optional.empty();
		int newestMajor = 14;
		for (Path root : INSTALLATIONS) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> versions = Files.list(root)) {
				for (Path version : versions.toList()) {
					String name = version.getFileName().toString();
					Path bin = version.resolve("bin");
					if (name.matches("\\d+") && Integer.parseInt(name) > newestMajor && Files.isExecutable(bin.resolve("initdb"))
							&& Files.isExecutable(bin.resolve("pg_ctl"))) {
						newestMajor = Integer.parseInt(name);
						newest = Optional.of(bin);
					}
				}
			}
			catch (IOException ex) {
				// An unreadable directory holds no usable installation.
			}
		}
		return newest;
	}

	/** Initializes and starts a new cluster of the installed build. */
	public static DistributionPostgres start() throws IOException {
		Path bin = installed().orElseThrow(() -> new IllegalStateException(
				"No PostgreSQL 15+ distribution build is installed (apt-get install postgresql-15)"));
		Path dir = Files.createTempDirectory("wellgate-pg-");
		boolean root = "root".equals(System.getProperty("user.name"));
		if (root) {
			run(List.of("chown", "postgres:postgres", dir.toString()), dir, false);
		}
		int port = freePort();
		Path data = dir.resolve("data");
		run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
				"--no-sync"), dir, root);
		// Only where it listens differs from the package's settings: a free port on loopback, and the
		// socket in the cluster's own directory.
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
				"-w", "-t", "120", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"), dir, root);
		String version = bin.getParent().getFileName().toString();
		DistributionPostgres postgres = new DistributionPostgres(bin, dir, port, version);
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::stopQuietly, "wellgate-pg-stop"));
		return postgres;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	public String username() {
		return "postgres";
	}

	/** Where it is installed, e.g. {@code /usr/lib/postgresql/15/bin}. */
	public Path bin() {
		return this.bin;
	}

	/** Its major version, from the installation's path. */
	public String version() {
		return this.version;
	}

	@Override
	public void close() {
		stopQuietly();
	}

	private synchronized void stopQuietly() {
		if (!Files.exists(this.dir)) {
			return;
		}
		boolean root = "root".equals(System.getProperty("user.name"));
		try {
			run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.dir.resolve("data").toString(), "-m", "fast", "-w",
					"stop"), this.dir, root);
		}
		catch (IOException | RuntimeException ex) {
			// Stopping is best effort; the directory is removed either way.
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			// A temporary directory left behind is harmless.
		}
	}

	private static void run(List<String> command, Path dir, boolean asPostgres) throws IOException {
		List<String> full = new ArrayList<>();
		if (asPostgres) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Path output = dir.resolve("command.out");
		Process process = new ProcessBuilder(full).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", full));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + String.join(" ", full), ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"Failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n" + Files.readString(output));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
