package io.wellgate.access;

/**
 * The OAuth 2.0 scopes of wellgate, as the authorities Spring Security makes of a token's
 * {@code scope} or {@code scp} claim ({@code SCOPE_} and the scope). An API key holds them all.
 * For {@code @PreAuthorize}: {@code "hasAuthority('" + Scopes.TELEMETRY_WRITE + "')"}.
 */
public final class Scopes {

	/** Queries, the schema and subscriptions, when reads need a token. */
	public static final String WELLS_READ = "SCOPE_wells:read";

	/** The ingest mutations and the bulk telemetry and diagnostics endpoints. */
	public static final String TELEMETRY_WRITE = "SCOPE_telemetry:write";

	/** Well metadata (the registry). */
	public static final String WELLS_WRITE = "SCOPE_wells:write";

	/** {@code refreshAggregates}. */
	public static final String AGGREGATES_ADMIN = "SCOPE_aggregates:admin";

	private Scopes() {
	}

}
