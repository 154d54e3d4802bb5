package io.wellgate.live;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.wellgate.ingest.IngestResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A write answers only once this instance's change feed has heard of it ({@link ChangeFeed#sync}),
 * so that whoever wrote reads their write on this instance at once, from the cache too. Bulk
 * endpoints are held before their answer's body is written; mutations before their answer goes
 * back.
 */
final class WriteSync {

	private WriteSync() {
	}

	/** The bulk endpoints ({@code POST /api/v1/...}), which answer an {@link IngestResult}. */
	@ControllerAdvice
	static final class BulkWrites implements ResponseBodyAdvice<Object> {

		private final ObjectProvider<ChangeFeed> feed;

		/** The feed is absent from slice tests, which take every controller advice. */
		BulkWrites(ObjectProvider<ChangeFeed> feed) {
			this.feed = feed;
		}

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
				Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
			if (body instanceof IngestResult) {
				this.feed.ifAvailable(ChangeFeed::sync);
			}
			return body;
		}

	}

	/** Every GraphQL mutation. */
	static final class Mutations implements WebGraphQlInterceptor {

		private final ChangeFeed feed;

		private final ReadPlans plans;

		Mutations(ChangeFeed feed, ReadPlans plans) {
			this.feed = feed;
			this.plans = plans;
		}

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			ReadPlan plan = this.plans.of(request.getDocument(), request.getOperationName(), request.getVariables());
			if (plan.kind() != ReadPlan.Kind.MUTATION) {
				return chain.next(request);
			}
			return chain.next(request)
				.flatMap(response -> Mono.fromRunnable(this.feed::sync).subscribeOn(Schedulers.boundedElastic()).thenReturn(response));
		}

	}

}
