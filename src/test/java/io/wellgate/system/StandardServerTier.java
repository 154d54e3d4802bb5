package io.wellgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite's second tier: with {@code -Dwellgate.test.server=distribution} (the Surefire
 * execution {@code standard-server} sets it) every test of the run talks to a throw-away cluster
 * of the installed distribution build ({@link DistributionPostgres}) instead of the embedded
 * server, and is skipped, each with the reason, where none is installed. Without the property it
 * does nothing. Registered for every test through the JUnit Platform's extension auto-detection
 * ({@code junit-platform.properties}), before any Spring context reads {@code spring.datasource.url}.
 */
public final class StandardServerTier implements ExecutionCondition {

	static final String PROPERTY = "wellgate.test.server";

	private static DistributionPostgres server;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!"distribution".equals(System.getProperty(PROPERTY))) {
			return ConditionEvaluationResult.enabled("the embedded server (wellgate.test.server is not 'distribution')");
		}
		if (DistributionPostgres.installed().isEmpty()) {
			return ConditionEvaluationResult.disabled(
					"no PostgreSQL 15+ distribution build is installed (apt-get install postgresql-15) for the standard-server tier");
		}
		DistributionPostgres running = start();
		return ConditionEvaluationResult.enabled("PostgreSQL " + running.version() + " from " + running.bin());
	}

	private static synchronized DistributionPostgres start() {
		if (server == null) {
			try {
				server = DistributionPostgres.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.setProperty("spring.datasource.url", server.jdbcUrl());
			System.setProperty("spring.datasource.username", server.username());
		}
		return server;
	}

}
