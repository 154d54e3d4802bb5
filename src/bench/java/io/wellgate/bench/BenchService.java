package io.wellgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.wellgate.WellgateApplication;
import io.wellgate.system.DistributionPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service under test, started in this JVM as {@code java -jar} would start it, with what a
 * benchmark needs: a fresh database (embedded, or a throw-away cluster of the installed distribution
 * build, or the given URL's), no demo, a known write key, no scheduled refresh (the
 * benchmark refreshes when it measures) and a statement counter on the DataSource.
 */
final class BenchService implements AutoCloseable {

	static final String API_KEY = "bench-key";

	private final ConfigurableApplicationContext context;

	private final StatementCounter statements;

	private final Path dataDir;

	private final DistributionPostgres system;

	private BenchService(ConfigurableApplicationContext context, StatementCounter statements, Path dataDir,
			DistributionPostgres system) {
		this.context = context;
		this.statements = statements;
		this.dataDir = dataDir;
		this.system = system;
	}

	static BenchService start(BenchSettings settings) throws IOException {
		Path dataDir = null;
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--wellgate.demo.enabled=false", "--wellgate.security.api-keys=" + API_KEY,
				"--wellgate.aggregates.hourly-refresh=0s", "--wellgate.aggregates.daily-refresh=0s",
				// The refresh after writes too: the benchmark times refreshes itself, and its steady state
				// refreshes every 15 s, as the scheduled policy of a service would (a worse case than the
				// refresh after each write).
				"--wellgate.aggregates.refresh-after-write=0s",
				// D days ending now would otherwise be at the edge of the 30-day retention if its nightly run came by.
				"--wellgate.aggregates.raw-retention=0s", "--wellgate.ingest.max-body-size=2GB",
				// The fleet reads ask for every metric of every bucket of every well, far past the cost limit.
				"--wellgate.graphql.max-cost=1000000000",
				"--spring.main.banner-mode=off", "--logging.level.root=warn"));
		// -Dbench.cache=off: every read executes, as without the response cache of issue 15 (repeated
		// identical reads are otherwise served from it while nothing they read changes).
		if ("off".equalsIgnoreCase(System.getProperty("bench.cache", "on"))) {
			args.add("--wellgate.live.cache.enabled=false");
		}
		DistributionPostgres system = null;
		if (settings.server() == BenchSettings.Server.SYSTEM) {
			system = DistributionPostgres.start();
			args.add("--spring.datasource.url=" + system.jdbcUrl());
			args.add("--spring.datasource.username=" + system.username());
		}
		else if (settings.server() == BenchSettings.Server.EMBEDDED) {
			Files.createDirectories(Path.of("target"));
			dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-pgdata-");
			args.add("--wellgate.embedded.data-dir=" + dataDir);
		}
		else {
			args.add("--spring.datasource.url=" + settings.url());
			if (settings.user() != null) {
				args.add("--spring.datasource.username=" + settings.user());
			}
			if (settings.password() != null) {
				args.add("--spring.datasource.password=" + settings.password());
			}
		}
		StatementCounter statements = new StatementCounter();
		SpringApplication application = new SpringApplication(WellgateApplication.class);
		application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("benchStatementCounter",
				StatementCounter.class, () -> statements));
		try {
			ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
			return new BenchService(context, statements, dataDir, system);
		}
		catch (RuntimeException ex) {
			if (system != null) {
				system.close();
			}
			throw ex;
		}
	}

	int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	JdbcClient jdbc() {
		return JdbcClient.create(bean(DataSource.class));
	}

	StatementCounter statements() {
		return this.statements;
	}

	/** The distribution build's cluster when the service runs on one ({@code bench.server=system}), else {@code null}. */
	DistributionPostgres system() {
		return this.system;
	}

	@Override
	public void close() throws IOException {
		this.context.close();
		if (this.system != null) {
			this.system.close();
		}
		if (this.dataDir != null) {
			try (Stream<Path> files = Files.walk(this.dataDir)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

}
