package io.wellgate.live;

import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import graphql.ExecutionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Answers by what was asked (document, operation, variables, the caller's visibility), each
 * kept with the version and hour it is exact for ({@link DataVersions}). A lookup at another
 * version or hour misses; the change feed also evicts every entry a change may concern, so
 * memory holds only answers that are still exact. Nothing expires by time. The least recently
 * used entry goes past {@code capacity}. A miss that the same answer is being computed for
 * already (same key, version and hour) waits for that computation instead of running its own
 * ({@link #lead}): after each change, the 16 clients of a dashboard otherwise all compute the fleet's
 * ranking at once, and on two cores each waits for all the others.
 */
final class ResponseCache implements Consumer<ChangeBatch> {

	private final Map<Key, Entry> entries;

	private final Counter hits;

	private final Counter misses;

	private final Counter changed;

	private final Counter full;

	private final Counter shared;

	private final Map<Flight, CompletableFuture<Entry>> computing = new ConcurrentHashMap<>();

	ResponseCache(int capacity, MeterRegistry meters) {
		this.hits = counter(meters, "hit", "Answers served from the response cache");
		this.misses = counter(meters, "miss", "Cacheable answers that had to be computed");
		this.changed = Counter.builder("wellgate.live.cache.evictions")
			.tag("cause", "change")
			.description("Cached answers dropped because the data they read changed")
			.register(meters);
		this.full = Counter.builder("wellgate.live.cache.evictions")
			.tag("cause", "capacity")
			.description("Cached answers dropped to make room")
			.register(meters);
		this.shared = Counter.builder("wellgate.live.cache.shared")
			.description("Misses that waited for the computation of the same answer for another request")
			.register(meters);
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, ResponseCache.Entry> eldest) {
				if (size() > capacity) {
					ResponseCache.this.full.increment();
					return true;
				}
				return false;
			}
		};
		meters.gauge("wellgate.live.cache.entries", this, cache -> cache.size());
	}

	private static Counter counter(MeterRegistry meters, String result, String description) {
		return Counter.builder("wellgate.live.cache.requests").tag("result", result).description(description).register(meters);
	}

	/** The answer kept for {@code key} if it is exact at {@code version} in {@code hour}. */
	Entry get(Key key, long version, long hour) {
		Entry entry;
		synchronized (this.entries) {
			entry = this.entries.get(key);
			if (entry != null && (entry.version() != version || entry.hour() != hour)) {
				this.entries.remove(key);
				entry = null;
			}
		}
		(entry == null ? this.misses : this.hits).increment();
		return entry;
	}

	void put(Key key, Entry entry) {
		synchronized (this.entries) {
			this.entries.put(key, entry);
		}
	}

	/**
	 * After a miss: {@code null} when no request computes this answer now, and then {@code mine}
	 * stands for this one's computation until {@link #landed}; else the computation in flight,
	 * whose entry (or {@code null}: its answer was not kept) this request may answer with.
	 */
	CompletableFuture<Entry> lead(Key key, long version, long hour, CompletableFuture<Entry> mine) {
		CompletableFuture<Entry> running = this.computing.putIfAbsent(new Flight(key, version, hour), mine);
		if (running != null) {
			this.shared.increment();
		}
		return running;
	}

	/**
	 * The computation {@code mine} of {@link #lead} is over: those waiting for it get
	 * {@code entry}, or {@code null} (an answer with errors, or none) and compute their own. A
	 * second call changes nothing.
	 */
	void landed(Key key, long version, long hour, CompletableFuture<Entry> mine, Entry entry) {
		this.computing.remove(new Flight(key, version, hour), mine);
		if (entry != null) {
			mine.complete(entry);
		}
		else if (!mine.isDone()) {
			// Those waiting then compute their own answers: on other threads than this request's.
			CompletableFuture.runAsync(() -> mine.complete(null));
		}
	}

	@Override
	public void accept(ChangeBatch batch) {
		Set<String> wells = new HashSet<>();
		batch.changes().forEach(change -> wells.add(change.wellId()));
		int evicted = 0;
		synchronized (this.entries) {
			for (Iterator<Entry> it = this.entries.values().iterator(); it.hasNext();) {
				ReadPlan plan = it.next().plan();
				if (batch.everything() || plan.fleet() || plan.wells().stream().anyMatch(wells::contains)) {
					it.remove();
					evicted++;
				}
			}
		}
		this.changed.increment(evicted);
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	/** What was asked, by whom (as far as what they may see). */
	record Key(String document, String operationName, Map<String, Object> variables, String visibility) {
	}

	/** An answer being computed: what was asked, at which version and in which hour. */
	private record Flight(Key key, long version, long hour) {
	}

	/** An answer, what it read, and the version, hour and instant it was computed at. */
	record Entry(ExecutionResult result, ReadPlan plan, long version, long hour, Instant computedAt) {
	}

}
