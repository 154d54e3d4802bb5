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
		@DefaultValue Aggregates aggregates, @DefaultValue Graphql graphql, @DefaultValue Web web) {

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
	 * @param apiKeys bearer tokens accepted for writes (every scope, every field); none means one
	 * is generated at start
	 * @param readAccess {@code open}: anyone may read; {@code token}: reads need a JWT with the
	 * scope {@code wells:read} or an API key
	 * @param fieldsClaim the JWT claim listing the oil fields a token may see and write; a token
	 * without it sees every field
	 * @param tokenCache verified JWTs kept (by digest, until they expire) so that a token's
	 * signature is checked once, not on every request; 0: none
	 */
	public record Security(@DefaultValue List<String> apiKeys, @DefaultValue("open") ReadAccess readAccess,
			@DefaultValue("fields") String fieldsClaim, @DefaultValue("10000") int tokenCache) {
	}

	/** Who may read. */
	public enum ReadAccess {

		/** Anyone who can reach the service (the embedded demo). */
		OPEN,

		/** A valid JWT with {@code wells:read}, or an API key. */
		TOKEN

	}

	/**
	 * @param cors browsers on other origins
	 */
	public record Web(@DefaultValue Cors cors) {
	}

	/**
	 * @param allowedOrigins origins (such as {@code https://dash.example.com}) whose pages may call
	 * the API, with credentials and an {@code Authorization} header; none: same origin only
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
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
	 * @param refreshAfterWrite how soon after a write the aggregates of its table are refreshed (at
	 * most one refresh per aggregate in that time, whatever the number of writes); zero leaves it to
	 * the schedules
	 */
	public record Aggregates(@DefaultValue("15m") Duration hourlyRefresh, @DefaultValue("1h") Duration dailyRefresh,
			@DefaultValue("30d") Duration rawRetention, @DefaultValue("90d") Duration aggregateRetention,
			@DefaultValue("0 30 0 * * *") String retentionSchedule, @DefaultValue Breach breach,
			@DefaultValue("1s") Duration refreshAfterWrite) {
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
	 * @param maxCost most values an operation's answer may hold, estimated before it runs (list
	 * fields multiplied by their sizes)
	 * @param documents {@code any}, or {@code persisted-only}: only the documents of the manifest
	 * @param manifest the trusted documents (Apollo's persisted query list, or {@code {hash: document}})
	 * @param persistedQueries how many automatic persisted queries are kept by hash
	 */
	public record Graphql(@DefaultValue("15") int maxDepth, @DefaultValue("1000") int maxComplexity,
			@DefaultValue("32KB") DataSize maxDocumentSize, @DefaultValue("30s") Duration timeout,
			@DefaultValue("500ms") Duration slowThreshold, @DefaultValue("500") int documentCache,
			@DefaultValue("1000000") long maxCost, @DefaultValue("any") Documents documents, String manifest,
			@DefaultValue("1000") int persistedQueries) {
	}

	/** Which documents the endpoint runs. */
	public enum Documents {

		/** Any valid document, sent as text or as an automatic persisted query. */
		ANY,

		/** Only the documents of {@code wellgate.graphql.manifest}. */
		PERSISTED_ONLY

	}

}
