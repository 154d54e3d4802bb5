package io.wellgate.live;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import io.wellgate.error.BadArgumentException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Wires the change feed to what it drives: the data versions and the response cache (told of
 * every batch first, in that order), the subscriptions, and {@code GET /graphql}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

	@Bean
	ChangeFeed changeFeed(DataSource dataSource, JdbcClient jdbc, LiveProperties properties, Clock clock,
			MeterRegistry meters) {
		return new ChangeFeed(dataSource, jdbc, properties, clock, meters);
	}

	@Bean
	DataVersions dataVersions(ChangeFeed feed, Clock clock) {
		DataVersions versions = new DataVersions(clock);
		feed.listen(versions);
		return versions;
	}

	@Bean
	ResponseCache responseCache(ChangeFeed feed, DataVersions versions, LiveProperties properties, MeterRegistry meters) {
		ResponseCache cache = new ResponseCache(properties.cache().entries(), meters);
		feed.listen(cache);
		return cache;
	}

	@Bean
	ReadPlans readPlans() {
		return new ReadPlans(1000);
	}

	@Bean
	CachedReads cachedReads(ReadPlans plans, DataVersions versions, ResponseCache cache, ChangeFeed feed,
			ObjectProvider<ReadVisibility> visibility, LiveProperties properties, Clock clock) {
		return new CachedReads(plans, versions, cache, feed, visibility.getIfAvailable(ReadVisibility::authorities),
				properties.cache(), clock, feed.instance());
	}

	@Bean
	SharedSubscriptions sharedSubscriptions(ReadPlans plans, ObjectProvider<ReadVisibility> visibility,
			LiveProperties properties, MeterRegistry meters) {
		return new SharedSubscriptions(plans, visibility.getIfAvailable(ReadVisibility::authorities), properties, meters);
	}

	@Bean
	WriteSync.Mutations mutationSync(ChangeFeed feed, ReadPlans plans) {
		return new WriteSync.Mutations(feed, plans);
	}

	@Bean
	Pushes pushes(ChangeFeed feed, Clock clock, LiveProperties properties, MeterRegistry meters) {
		return new Pushes(feed, clock, properties, meters);
	}

	/** A subscription's bad argument is the same BAD_REQUEST naming it as a query's. */
	@Bean
	SubscriptionExceptionResolver badSubscriptionArguments() {
		return new SubscriptionExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex) {
				if (!(ex instanceof BadArgumentException bad)) {
					return null;
				}
				return GraphqlErrorBuilder.newError()
					.errorType(ErrorType.BAD_REQUEST)
					.message(bad.getMessage())
					.extensions(Map.of("argument", bad.argument()))
					.build();
			}
		};
	}

	/** Before Spring Boot's GraphQL routes, which answer every GET of /graphql with 405. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGet(WebGraphQlHandler graphQl, CachedReads reads, ReadPlans plans,
			JsonMapper json) {
		GraphQlGetHandler handler = new GraphQlGetHandler(graphQl, reads, plans, json);
		return RouterFunctions.route().GET("/graphql", handler::handle).build();
	}

}
