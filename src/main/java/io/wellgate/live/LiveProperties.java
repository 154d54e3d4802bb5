package io.wellgate.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code wellgate.live.*} settings: the change feed, subscriptions and the response cache.
 *
 * @param maxSubscriptions subscriptions open at once on this instance, over every connection
 * @param maxSubscriptionsPerConnection subscriptions one graphql-ws connection may hold
 * @param reconnectBackoff the first wait before the feed reconnects; it doubles up to
 * {@code maxReconnectBackoff}
 * @param maxReconnectBackoff the longest wait between reconnection attempts
 * @param heartbeat how long the feed's connection may be silent before it is checked with a query
 * @param syncTimeout how long a write waits for the feed to have seen it before its answer is sent
 * @param pushThreads threads that run pushes (each one a GraphQL execution)
 * @param cache the response cache
 */
@ConfigurationProperties("wellgate.live")
record LiveProperties(@DefaultValue("10000") int maxSubscriptions,
		@DefaultValue("100") int maxSubscriptionsPerConnection, @DefaultValue("100ms") Duration reconnectBackoff,
		@DefaultValue("10s") Duration maxReconnectBackoff, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("2s") Duration syncTimeout, @DefaultValue("4") int pushThreads, @DefaultValue Cache cache) {

	/**
	 * @param enabled whether answers are kept and served again while nothing they read changed
	 * @param entries answers kept, the least recently used dropped past it
	 * @param cacheControl the {@code Cache-Control} header of every query answer
	 */
	record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("1000") int entries,
			@DefaultValue("no-cache") String cacheControl) {
	}

}
