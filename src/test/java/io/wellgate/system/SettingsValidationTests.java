package io.wellgate.system;

import org.junit.jupiter.api.Test;

import io.wellgate.aggregate.AggregateProperties;
import io.wellgate.access.AccessProperties;
import io.wellgate.ingest.IngestProperties;
import io.wellgate.ingest.PartitionProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A setting outside what wellgate accepts stops the start with a message naming the setting and
 * the rule, instead of a hand check somewhere deep in a feature (or none).
 */
class SettingsValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AllSettings.class);

	@Test
	void theDefaultsAreValid() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(IngestProperties.class).maxRowsPerCall()).isEqualTo(10000);
			assertThat(context.getBean(PartitionProperties.class).schedule()).isEqualTo("0 7 * * * *");
			assertThat(context.getBean(AggregateProperties.class).retentionSchedule()).isEqualTo("0 30 0 * * *");
		});
	}

	@Test
	void aRowLimitBelowOneStopsTheStart() {
		refused("wellgate.ingest.max-rows-per-call=0", "wellgate.ingest", "maxRowsPerCall", "must be greater than or equal to 1");
	}

	@Test
	void aWorkMemThatIsNoMemorySizeStopsTheStart() {
		refused("wellgate.database.work-mem=32MB'; DROP TABLE wells; --", "wellgate.database", "workMem",
				"must be a PostgreSQL memory size");
	}

	@Test
	void aNegativeTokenCacheStopsTheStart() {
		refused("wellgate.security.token-cache=-1", "wellgate.security", "tokenCache", "must be greater than or equal to 0");
	}

	@Test
	void aBlankRetentionScheduleStopsTheStart() {
		refused("wellgate.aggregates.retention-schedule= ", "wellgate.aggregates", "retentionSchedule", "must not be blank");
	}

	@Test
	void aZeroDepthStopsTheStart() {
		refused("wellgate.graphql.max-depth=0", "wellgate.graphql", "maxDepth", "must be greater than or equal to 1");
	}

	@Test
	void aNegativeReadLimitStopsTheStart() {
		refused("wellgate.reads.max-concurrent=-1", "wellgate.reads", "maxConcurrent", "must be greater than or equal to 0");
	}

	@Test
	void theReadLimitIsFourPerProcessorUnlessSet() {
		this.runner.run(context -> assertThat(context.getBean(ReadProperties.class).limit())
			.isEqualTo(4 * Runtime.getRuntime().availableProcessors()));
		this.runner.withPropertyValues("wellgate.reads.max-concurrent=0")
			.run(context -> assertThat(context.getBean(ReadProperties.class).limit()).isZero());
	}

	private void refused(String setting, String prefix, String field, String reason) {
		this.runner.withPropertyValues(setting).run(context -> {
			assertThat(context).hasFailed();
			String messages = messages(context.getStartupFailure());
			assertThat(messages).contains(prefix).contains(field).contains(reason);
		});
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ IngestProperties.class, PartitionProperties.class, AggregateProperties.class,
			AccessProperties.class, GraphQlProperties.class, DatabaseProperties.class, EmbeddedProperties.class,
			WebProperties.class, ReadProperties.class })
	static class AllSettings {

	}

}
