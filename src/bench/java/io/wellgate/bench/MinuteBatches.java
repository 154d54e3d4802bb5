package io.wellgate.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.wellgate.aggregate.AggregateEngine;
import io.wellgate.demo.DemoWell;
import io.wellgate.demo.FleetGenerator;

/**
 * One minute of the whole fleet (W samples) in one request, as a SCADA poller or gateway sends it:
 * the bodies of the steady-state writer and the soak, and their latency on a quiet service. The
 * re-sent batches are the newest hour's minutes with other values (another seed), so each one
 * replaces W stored samples and leaves the buckets it touches pending until the next refresh.
 */
final class MinuteBatches {

	/** At least this many timed batches for a latency figure. */
	static final int RUNS = 60;

	private static final int WARMUP = 10;

	private final ServiceHttp http;

	MinuteBatches(ServiceHttp http) {
		this.http = http;
	}

	/**
	 * The fleet of {@code settings} with other values ({@code variant} added to its seed): the same
	 * wells and minutes, so its batches replace stored samples.
	 */
	static FleetBodies variant(BenchSettings settings, long variant) {
		return new FleetBodies(new FleetGenerator(settings.seed() + variant, settings.wells()));
	}

	/** The 60 minute batches of the hour ending at {@code end}, each a body of every well's sample at that minute. */
	static List<byte[]> newestHour(FleetBodies bodies, Instant end) {
		List<byte[]> batches = new ArrayList<>();
		for (int minute = 59; minute >= 0; minute--) {
			Instant time = end.minus(Duration.ofMinutes(minute));
			batches.add(bodies.minutes(time.minus(FleetBodies.STEP), time));
		}
		return batches;
	}

	/** One-sample bodies of the hour ending at {@code end}, at most {@code most}: each well's minutes in turn. */
	static List<String> samples(FleetBodies bodies, Instant end, int most) {
		List<String> samples = new ArrayList<>();
		for (int minute = 59; minute >= 0 && samples.size() < most; minute--) {
			for (DemoWell well : bodies.wells()) {
				if (samples.size() < most) {
					samples.add(bodies.sample(well, end.minus(Duration.ofMinutes(minute))));
				}
			}
		}
		return samples;
	}

	/**
	 * @param resent minute batches re-sent into the newest hour: each replaces W stored samples
	 * @param newMinutes minute batches of minutes after the loaded history, in time order; {@code null}
	 * when fewer than 10 such minutes had passed by then
	 */
	record Result(int wells, Timing resent, Timing newMinutes) {
	}

	/**
	 * Sends {@code resent} in turn (after a few untimed ones), {@link #RUNS} of them timed, then
	 * the minutes of {@code fleet} from {@code historyEnd} to the clock's minute, if at least ten.
	 * Every batch meets the service as the field's next minute does: {@code engine} refreshes all
	 * aggregates after each one, untimed, as the service's refresh after a write (1 s by default)
	 * does within the minute. Back to back without it, 120 batches would leave 3 log rows per
	 * well and batch pending, a state that the field's service never reaches.
	 */
	Result measure(int wells, List<byte[]> resent, FleetBodies fleet, Instant historyEnd, AggregateEngine engine) {
		for (int i = 0; i < WARMUP; i++) {
			sendThenRefresh(resent.get(i % resent.size()), wells, engine);
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			nanos[i] = sendThenRefresh(resent.get(i % resent.size()), wells, engine);
		}
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		long available = Math.min(RUNS, Duration.between(historyEnd, now).toMinutes());
		Timing newMinutes = null;
		if (available >= 10) {
			long[] fresh = new long[(int) available];
			for (int i = 0; i < available; i++) {
				Instant minute = historyEnd.plus(Duration.ofMinutes(i + 1));
				fresh[i] = sendThenRefresh(fleet.minutes(minute.minus(FleetBodies.STEP), minute), wells, engine);
			}
			newMinutes = Timing.of(fresh);
		}
		return new Result(wells, Timing.of(nanos), newMinutes);
	}

	private long sendThenRefresh(byte[] batch, int wells, AggregateEngine engine) {
		long nanos = send(batch, wells);
		engine.refreshAll(null, null, null);
		return nanos;
	}

	/** Sends one batch; its time in nanoseconds. The service must accept every sample of it. */
	long send(byte[] batch, int wells) {
		var request = this.http.ingest(batch);
		long started = System.nanoTime();
		long accepted = Ingest.accepted(this.http.send(request));
		long nanos = System.nanoTime() - started;
		if (accepted != wells) {
			throw new IllegalStateException("A minute batch of " + wells + " samples was answered with " + accepted + " accepted");
		}
		return nanos;
	}

}
