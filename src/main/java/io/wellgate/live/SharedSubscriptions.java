package io.wellgate.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import io.wellgate.live.ResponseCache.Key;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Subscriptions: the limits (in total, per graphql-ws connection), and one execution shared by
 * every subscriber of the same document, variables and visibility: each push is resolved once
 * and sent to all of them. The first subscriber's execution (validated, checked and resolved like
 * any other, by every interceptor before this one) is the shared one; it stops when its last
 * subscriber leaves. An SSE request is a connection with one subscription.
 */
final class SharedSubscriptions implements WebGraphQlInterceptor, Ordered {

	private static final Logger log = LoggerFactory.getLogger(SharedSubscriptions.class);

	private final ReadPlans plans;

	private final ReadVisibility visibility;

	private final LiveProperties properties;

	private final Map<Key, Shared> executions = new HashMap<>();

	private final Map<String, AtomicInteger> perConnection = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	SharedSubscriptions(ReadPlans plans, ReadVisibility visibility, LiveProperties properties, MeterRegistry meters) {
		this.plans = plans;
		this.visibility = visibility;
		this.properties = properties;
		meters.gauge("wellgate.live.subscriptions", this.open);
		meters.gauge("wellgate.live.executions", this, shared -> shared.executions());
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		ReadPlan plan = this.plans.of(request.getDocument(), request.getOperationName(), request.getVariables());
		if (plan.kind() != ReadPlan.Kind.SUBSCRIPTION) {
			return chain.next(request);
		}
		String connection = (request instanceof WebSocketGraphQlRequest socket) ? socket.getSessionInfo().getId() : null;
		if (this.open.get() >= this.properties.maxSubscriptions()) {
			return refuse(request, "This service holds " + this.properties.maxSubscriptions()
					+ " subscriptions, the most it takes (wellgate.live.max-subscriptions); try again later");
		}
		if (connection != null && count(connection).get() >= this.properties.maxSubscriptionsPerConnection()) {
			return refuse(request, "This connection holds " + this.properties.maxSubscriptionsPerConnection()
					+ " subscriptions, the most one connection may (wellgate.live.max-subscriptions-per-connection); "
					+ "complete one first");
		}
		Key key = new Key(request.getDocument(), request.getOperationName(), request.getVariables(),
				this.visibility.of(request));
		synchronized (this.executions) {
			Shared shared = this.executions.get(key);
			if (shared != null) {
				shared.subscribers++;
				return Mono.just(respond(request, shared, key, connection));
			}
		}
		return chain.next(request).map(response -> {
			Object data = response.getExecutionResult().getData();
			if (!(data instanceof Publisher<?> publisher) || !response.getErrors().isEmpty()) {
				return response;
			}
			Shared shared;
			synchronized (this.executions) {
				shared = this.executions.get(key);
				if (shared == null) {
					@SuppressWarnings("unchecked")
					Publisher<ExecutionResult> pushes = (Publisher<ExecutionResult>) publisher;
					shared = new Shared(key, pushes);
					this.executions.put(key, shared);
				}
				shared.subscribers++;
			}
			return respond(request, shared, key, connection);
		});
	}

	private WebGraphQlResponse respond(WebGraphQlRequest request, Shared shared, Key key, String connection) {
		this.open.incrementAndGet();
		if (connection != null) {
			count(connection).incrementAndGet();
		}
		Flux<ExecutionResult> mine = shared.sink.asFlux()
			.doOnSubscribe(subscription -> shared.start())
			.doFinally(signal -> release(shared, connection));
		ExecutionResult result = ExecutionResult.newExecutionResult().data(mine).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	private void release(Shared shared, String connection) {
		this.open.decrementAndGet();
		if (connection != null) {
			this.perConnection.computeIfPresent(connection, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
		}
		boolean last;
		synchronized (this.executions) {
			last = --shared.subscribers <= 0;
			if (last) {
				this.executions.remove(shared.key, shared);
			}
		}
		if (last) {
			shared.stop();
		}
	}

	/** An execution that ended (an error, or its stream completed) is not joined again. */
	private void forget(Shared shared) {
		synchronized (this.executions) {
			this.executions.remove(shared.key, shared);
		}
	}

	private AtomicInteger count(String connection) {
		return this.perConnection.computeIfAbsent(connection, id -> new AtomicInteger());
	}

	/** A refusal the transports send as a subscription's error (graphql-ws: an {@code error} message). */
	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String message) {
		GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).build();
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.data(Flux.error(new SubscriptionPublisherException(List.of(error), null)))
			.build();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	}

	int executions() {
		synchronized (this.executions) {
			return this.executions.size();
		}
	}

	/**
	 * One execution, started by its first subscriber, relayed to every subscriber (those who join
	 * after it ended get its end), and how many subscribers it has (guarded by the map of
	 * executions).
	 */
	private final class Shared {

		private final Key key;

		private final Publisher<ExecutionResult> upstream;

		private final Sinks.Many<ExecutionResult> sink = Sinks.many().multicast().onBackpressureBuffer(1024, false);

		private final AtomicBoolean started = new AtomicBoolean();

		private volatile Disposable subscription;

		private int subscribers;

		Shared(Key key, Publisher<ExecutionResult> upstream) {
			this.key = key;
			this.upstream = upstream;
		}

		void start() {
			if (this.started.compareAndSet(false, true)) {
				this.subscription = Flux.from(this.upstream).subscribe(push -> {
					if (this.sink.tryEmitNext(push).isFailure()) {
						log.warn("A subscriber is more than 1024 pushes behind; a push was dropped for it");
					}
				}, error -> {
					forget(this);
					this.sink.tryEmitError(error);
				}, () -> {
					forget(this);
					this.sink.tryEmitComplete();
				});
			}
		}

		void stop() {
			Disposable running = this.subscription;
			if (running != null) {
				running.dispose();
			}
			this.sink.tryEmitComplete();
		}

	}

}
