package io.wellgate.system;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@link ReadProperties#limit} GraphQL and analytics requests are served at once; the
 * others wait their turn, in arrival order, without taking the CPU.
 * <p>
 * Why: on a few cores, every request in flight is a runnable thread, and the scheduler shares the
 * CPU per thread. With sixteen dashboard clients reading at once, the field's minute batch of 1,000
 * wells took 74-87 ms p50; with at most eight reads in flight on two cores, 62-66 ms, and the
 * readers lost nothing (four in flight: 55-60 ms, but 20% fewer reads per second). Bulk writes
 * ({@code /api/v1/telemetry} and the like) never wait here.
 * <p>
 * A request holds its turn until its answer is written, also when Spring MVC writes it from an
 * asynchronous dispatch. Subscriptions pass: a WebSocket handshake or a request for server-sent
 * events would hold its turn for as long as its client stays. Past
 * {@link ReadProperties#queueTimeout}, a request gets {@code 503} with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class ReadConcurrency {

	@Bean
	Limit readLimit(ReadProperties properties) {
		return new Limit(properties);
	}

	@Bean
	FilterRegistrationBean<Limit> readLimitRegistration(Limit limit) {
		FilterRegistrationBean<Limit> registration = new FilterRegistrationBean<>(limit);
		registration.addUrlPatterns("/graphql", "/api/v1/analytics/*");
		// After Spring Security's chain (-100): a request it turns away takes no turn.
		registration.setOrder(0);
		return registration;
	}

	static final class Limit extends OncePerRequestFilter implements MeterBinder {

		private final Semaphore turns;

		private final int limit;

		private final long timeoutMillis;

		Limit(ReadProperties properties) {
			this.limit = properties.limit();
			this.turns = new Semaphore(Math.max(this.limit, 1), true);
			this.timeoutMillis = properties.queueTimeout().toMillis();
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			// Subscriptions (a WebSocket handshake, or a stream of server-sent events) last as long as
			// their client stays: they would hold a turn for all that time.
			String accept = request.getHeader("Accept");
			return this.limit == 0 || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
					|| (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!awaitTurn()) {
				response.setHeader("Retry-After", "1");
				ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
						"Too many reads at once: this one waited " + this.timeoutMillis + " ms for its turn; retry");
				return;
			}
			Release release = new Release(this.turns);
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (request.isAsyncStarted()) {
					request.getAsyncContext().addListener(release);
				}
				else {
					release.run();
				}
			}
		}

		private boolean awaitTurn() {
			try {
				return this.turns.tryAcquire(this.timeoutMillis, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public void bindTo(MeterRegistry registry) {
			if (this.limit == 0) {
				return;
			}
			Gauge.builder("wellgate.reads.waiting", this.turns, Semaphore::getQueueLength)
				.description("GraphQL and analytics requests waiting for their turn")
				.register(registry);
			Gauge.builder("wellgate.reads.in.flight", this, limit -> limit.limit - limit.turns.availablePermits())
				.description("GraphQL and analytics requests being served")
				.register(registry);
		}

	}

	/** Gives the turn back once, whichever way the request ends. */
	private static final class Release implements AsyncListener, Runnable {

		private final Semaphore turns;

		private final AtomicBoolean released = new AtomicBoolean();

		Release(Semaphore turns) {
			this.turns = turns;
		}

		@Override
		public void run() {
			if (this.released.compareAndSet(false, true)) {
				this.turns.release();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			run();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			run();
		}

		@Override
		public void onError(AsyncEvent event) {
			run();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// Started again: the container forgets its listeners then.
			event.getAsyncContext().addListener(this);
		}

	}

}
