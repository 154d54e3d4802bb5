package io.wellgate.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import reactor.core.publisher.Mono;

import io.wellgate.live.ResponseCache.Entry;
import io.wellgate.live.ResponseCache.Key;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Every query answer gets an {@code ETag} (from what it read, at which version, in which hour,
 * for whom), a {@code Cache-Control} header, and {@code extensions.exactAsOf} and
 * {@code extensions.cacheHit}; a cacheable one is served again from the {@link ResponseCache}
 * while its tag holds. Runs last among the interceptors, so that what they decide (access,
 * limits) comes first; the cache keys by the caller's {@link ReadVisibility}, so a hit is what the
 * execution would answer this caller. Served from the cache only while the change feed listens:
 * only then would it have heard of a change.
 */
final class CachedReads implements WebGraphQlInterceptor, Ordered {

	private final ReadPlans plans;

	private final DataVersions versions;

	private final ResponseCache cache;

	private final ChangeFeed feed;

	private final ReadVisibility visibility;

	private final LiveProperties.Cache settings;

	private final Clock clock;

	private final String instance;

	CachedReads(ReadPlans plans, DataVersions versions, ResponseCache cache, ChangeFeed feed, ReadVisibility visibility,
			LiveProperties.Cache settings, Clock clock, String instance) {
		this.plans = plans;
		this.versions = versions;
		this.cache = cache;
		this.feed = feed;
		this.visibility = visibility;
		this.settings = settings;
		this.clock = clock;
		this.instance = instance;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		ReadPlan plan = this.plans.of(request.getDocument(), request.getOperationName(), request.getVariables());
		if (!plan.query()) {
			return chain.next(request);
		}
		Tag tag = tag(request, plan);
		Instant started = this.clock.instant();
		boolean caching = this.settings.enabled() && plan.cacheable() && this.feed.listening();
		if (!caching) {
			return chain.next(request).map(response -> computed(response, tag, started));
		}
		Entry hit = this.cache.get(tag.key(), tag.version(), tag.hour());
		if (hit != null) {
			return Mono.just(served(request, hit, tag));
		}
		CompletableFuture<Entry> mine = new CompletableFuture<>();
		CompletableFuture<Entry> running = this.cache.lead(tag.key(), tag.version(), tag.hour(), mine);
		if (running != null) {
			// A waiting request that gives up (its time-out, its client gone) leaves the computation to the others.
			return Mono.fromFuture(running, true)
				.map(entry -> served(request, entry, tag))
				.switchIfEmpty(Mono.defer(() -> chain.next(request).map(response -> computed(response, tag, started))));
		}
		return Mono.defer(() -> chain.next(request)).map(response -> {
			ExecutionResult result = response.getExecutionResult();
			Entry entry = null;
			if (result.getErrors().isEmpty() && result.isDataPresent()) {
				entry = new Entry(result, plan, tag.version(), tag.hour(), started);
				this.cache.put(tag.key(), entry);
			}
			this.cache.landed(tag.key(), tag.version(), tag.hour(), mine, entry);
			return computed(response, tag, started);
		}).doFinally(signal -> this.cache.landed(tag.key(), tag.version(), tag.hour(), mine, null));
	}

	/** An answer kept, or computed for another request, as this request's: a hit. */
	private WebGraphQlResponse served(WebGraphQlRequest request, Entry entry, Tag tag) {
		Instant current = this.feed.currentAsOf();
		Instant asOf = (current == null || current.isBefore(entry.computedAt())) ? entry.computedAt() : current;
		ExecutionResult result = withFreshness(entry.result(), asOf, true);
		return headers(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)), tag);
	}

	/** An answer computed for this request. */
	private WebGraphQlResponse computed(WebGraphQlResponse response, Tag tag, Instant started) {
		ExecutionResult result = response.getExecutionResult();
		return headers(response.transform(builder -> builder.extensions(freshness(result.getExtensions(), started, false))),
				tag);
	}

	/** The tag an answer to {@code request} has now; null for what is not a query. */
	Tag tag(WebGraphQlRequest request) {
		ReadPlan plan = this.plans.of(request.getDocument(), request.getOperationName(), request.getVariables());
		return plan.query() ? tag(request, plan) : null;
	}

	private Tag tag(WebGraphQlRequest request, ReadPlan plan) {
		Key key = new Key(request.getDocument(), request.getOperationName(), request.getVariables(),
				this.visibility.of(request));
		long version = this.versions.of(plan);
		long hour = this.versions.hour();
		// A clock-bound answer changes every time: its tag does too, so it is never revalidated.
		String moment = plan.cacheable() ? Long.toString(hour) : Long.toString(System.nanoTime());
		return new Tag(key, version, hour, "\"" + this.instance + "-" + digest(key) + "-" + version + "-" + moment + "\"");
	}

	String cacheControl() {
		return this.settings.cacheControl();
	}

	private WebGraphQlResponse headers(WebGraphQlResponse response, Tag tag) {
		response.getResponseHeaders().setETag(tag.etag());
		response.getResponseHeaders().setCacheControl(this.settings.cacheControl());
		return response;
	}

	private static ExecutionResult withFreshness(ExecutionResult result, Instant asOf, boolean hit) {
		return result.transform(builder -> builder.extensions(freshness(result.getExtensions(), asOf, hit)));
	}

	private static Map<Object, Object> freshness(Map<Object, Object> extensions, Instant asOf, boolean hit) {
		Map<Object, Object> all = new java.util.LinkedHashMap<>();
		if (extensions != null) {
			all.putAll(extensions);
		}
		all.put("exactAsOf", asOf.toString());
		all.put("cacheHit", hit);
		return all;
	}

	private static String digest(Key key) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(key.document().getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(String.valueOf(key.operationName()).getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(String.valueOf(key.variables()).getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(key.visibility().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What an answer is tagged with: its cache key, the version and hour it is exact for, the ETag. */
	record Tag(Key key, long version, long hour, String etag) {
	}

}
