package io.wellgate.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;

/**
 * At most one push per key (a well, or the one ranking) per interval: a change that comes
 * sooner waits, merged with any others of its key, until the interval since the last push has
 * passed, and then goes out as one push covering all of them. An interval of 0 pushes every
 * change at once.
 */
final class Throttle {

	private final long intervalNanos;

	private final ScheduledExecutorService timer;

	private final Counter coalesced;

	private final Sink sink;

	private final Map<String, State> states = new HashMap<>();

	private boolean closed;

	Throttle(long intervalMillis, ScheduledExecutorService timer, Counter coalesced, Sink sink) {
		this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
		this.timer = timer;
		this.coalesced = coalesced;
		this.sink = sink;
	}

	synchronized void offer(Change change, Instant committedAt) {
		if (this.closed) {
			return;
		}
		State state = this.states.computeIfAbsent(change.wellId(), key -> new State());
		if (state.pending != null) {
			state.pending = state.pending.merge(change);
			state.committedAt = committedAt;
			this.coalesced.increment();
			return;
		}
		long now = System.nanoTime();
		long wait = state.pushed ? state.lastPush + this.intervalNanos - now : 0;
		if (wait <= 0) {
			state.pushed = true;
			state.lastPush = now;
			this.sink.push(change, committedAt);
			return;
		}
		state.pending = change;
		state.committedAt = committedAt;
		state.timer = this.timer.schedule(() -> flush(change.wellId()), wait, TimeUnit.NANOSECONDS);
	}

	private synchronized void flush(String key) {
		State state = this.states.get(key);
		if (this.closed || state == null || state.pending == null) {
			return;
		}
		state.lastPush = System.nanoTime();
		Change change = state.pending;
		state.pending = null;
		state.timer = null;
		this.sink.push(change, state.committedAt);
	}

	synchronized void close() {
		this.closed = true;
		for (State state : this.states.values()) {
			if (state.timer != null) {
				state.timer.cancel(false);
			}
		}
		this.states.clear();
	}

	private static final class State {

		private boolean pushed;

		private long lastPush;

		private Change pending;

		private Instant committedAt;

		private ScheduledFuture<?> timer;

	}

	/** Where a push goes. */
	@FunctionalInterface
	interface Sink {

		void push(Change change, Instant committedAt);

	}

}
