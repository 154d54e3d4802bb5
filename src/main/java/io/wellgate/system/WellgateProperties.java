package io.wellgate.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code wellgate.*} setting, nested per feature. The README lists them with their
 * defaults.
 */
@ConfigurationProperties("wellgate")
public record WellgateProperties(@DefaultValue Embedded embedded, @DefaultValue Demo demo,
		@DefaultValue Security security, @DefaultValue Ingest ingest, @DefaultValue Partitions partitions,
		@DefaultValue Aggregates aggregates, @DefaultValue Graphql graphql) {

	/**
	 * The in-process PostgreSQL used when no {@code spring.datasource.url} is configured.
	 * @param dataDir where it keeps its data; blank for a throw-away directory (tests)
	 * @param port its port; 0 picks a free one
	 * @param enabled false when the database comes from elsewhere without a URL property (a
	 * Testcontainers {@code @ServiceConnection})
	 */
	public record Embedded(@DefaultValue("./.wellgate/pgdata") String dataDir, @DefaultValue("0") int port,
			@DefaultValue("true") boolean enabled) {
	}

	/**
	 * The demo fleet. {@code enabled} unset means: on for an empty embedded database.
	 */
	public record Demo(Boolean enabled, @DefaultValue("12") int wells, @DefaultValue("30") int days,
			@DefaultValue("10s") Duration streamInterval) {
	}

	/**
	 * @param apiKeys bearer tokens accepted for writes; none means one is generated at start
	 */
	public record Security(@DefaultValue List<String> apiKeys) {
	}

	/**
	 * @param maxRowsPerCall rows one GraphQL mutation may carry
	 * @param maxBodySize largest bulk request body
	 * @param maxReportedErrors bad lines listed in one 400 response
	 * @param futureTolerance how far ahead of the server clock a sample may be stamped
	 * @param maxConcurrentWrites writes running at once; more wait their turn
	 */
	public record Ingest(@DefaultValue("10000") int maxRowsPerCall, @DefaultValue("512MB") DataSize maxBodySize,
			@DefaultValue("100") int maxReportedErrors, @DefaultValue("5m") Duration futureTolerance,
			@DefaultValue("4") int maxConcurrentWrites) {
	}

	/**
	 * @param aheadDays daily partitions kept created ahead of today
	 */
	public record Partitions(@DefaultValue("7") int aheadDays) {
	}

	/**
	 * The continuous aggregates.
	 * @param hourlyRefresh how often the hourly aggregates are refreshed
	 * @param dailyRefresh how often the daily aggregates are refreshed
	 * @param rawRetention raw rows older than this are dropped, whole daily partitions at a time,
	 * once the aggregates they feed are materialized; zero keeps raw rows forever
	 * @param aggregateRetention materialized buckets older than this are deleted; zero keeps them
	 * @param retentionSchedule when retention runs (cron, UTC)
	 * @param breach the thresholds of well_performance_hourly's breach rules
	 */
	public record Aggregates(@DefaultValue("15m") Duration hourlyRefresh, @DefaultValue("1h") Duration dailyRefresh,
			@DefaultValue("30d") Duration rawRetention, @DefaultValue("90d") Duration aggregateRetention,
			@DefaultValue("0 30 0 * * *") String retentionSchedule, @DefaultValue Breach breach) {
	}

	/**
	 * A sample breaches a rule when its metric is strictly beyond the threshold (above, or below
	 * for intake pressure); a null metric never breaches.
	 */
	public record Breach(@DefaultValue("0.5") double vibration, @DefaultValue("250") double motorTemperature,
			@DefaultValue("80") double motorCurrent, @DefaultValue("100") double intakePressure) {
	}

	/**
	 * Limits and observability of the GraphQL endpoint.
	 * @param maxDepth deepest selection nesting accepted (GraphiQL's introspection needs 13)
	 * @param maxComplexity most fields one operation may select
	 * @param maxDocumentSize largest operation text
	 * @param timeout longest an operation may run
	 * @param slowThreshold operations slower than this are logged
	 * @param documentCache how many distinct documents are kept parsed and validated (0: none)
	 */
	public record Graphql(@DefaultValue("15") int maxDepth, @DefaultValue("1000") int maxComplexity,
			@DefaultValue("32KB") DataSize maxDocumentSize, @DefaultValue("30s") Duration timeout,
			@DefaultValue("500ms") Duration slowThreshold, @DefaultValue("500") int documentCache) {
	}

}
