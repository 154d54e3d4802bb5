package io.wellgate.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;

import io.wellgate.system.ReadInstant;

import org.springframework.stereotype.Component;
import io.wellgate.error.BadArgumentException;
import io.wellgate.error.Arguments;

/**
 * Turns a windowed field's arguments into a {@link Window}, enforcing the API's limits: a
 * relative size (hours 1..2160, days 1..90) or an explicit from/to (both, from before to, at most
 * 90 days apart).
 */
@Component
public class Windows {

	static final Duration LONGEST = Duration.ofDays(90);

	private static final String NOW = Windows.class.getName() + ".now";

	private final Clock clock;

	Windows(Clock clock) {
		this.clock = clock;
	}

	/**
	 * "Now" for a whole request, taken once: every relative window of one request ends at the
	 * same instant, so the wells of a page share their windows and are read in one batch. A
	 * subscription's push brings its own instant ({@link ReadInstant}).
	 */
	public Instant now(DataFetchingEnvironment env) {
		Instant pushed = ReadInstant.of(env);
		if (pushed != null) {
			return pushed;
		}
		return env.getGraphQlContext().computeIfAbsent(NOW, key -> this.clock.instant());
	}

	public Window hours(Integer hours, OffsetDateTime from, OffsetDateTime to, DataFetchingEnvironment env) {
		return window("hours", hours, 2160, ChronoUnit.HOURS, from, to, () -> now(env));
	}

	public Window days(Integer days, OffsetDateTime from, OffsetDateTime to, DataFetchingEnvironment env) {
		return window("days", days, 90, ChronoUnit.DAYS, from, to, () -> now(env));
	}

	/** The same limits for a request outside GraphQL (the REST calls), relative to {@code now}. */
	public Window hours(Integer hours, OffsetDateTime from, OffsetDateTime to, Instant now) {
		return window("hours", hours, 2160, ChronoUnit.HOURS, from, to, () -> now);
	}

	public Window days(Integer days, OffsetDateTime from, OffsetDateTime to, Instant now) {
		return window("days", days, 90, ChronoUnit.DAYS, from, to, () -> now);
	}

	/** The current instant of the service's clock. */
	public Instant now() {
		return this.clock.instant();
	}

	private Window window(String name, Integer size, int max, ChronoUnit unit, OffsetDateTime from, OffsetDateTime to,
			Supplier<Instant> clock) {
		if (from != null || to != null) {
			if (from == null || to == null) {
				throw new BadArgumentException(from == null ? "from" : "to",
						"from and to go together: give both, or neither and a relative " + name);
			}
			if (!from.isBefore(to)) {
				throw new BadArgumentException("from", "must be before to");
			}
			if (Duration.between(from, to).compareTo(LONGEST) > 0) {
				throw new BadArgumentException("to", "the window may span at most 90 days");
			}
			return new Window(from.toInstant(), to.toInstant());
		}
		int value = Arguments.limit(name, size, max);
		Instant now = clock.get();
		return new Window(now.minus(value, unit), now);
	}

}
