/**
 * Live and cached reads: the change feed (what the database says changed, at commit), GraphQL
 * subscriptions pushed from it over graphql-ws and Server-Sent Events, and exact HTTP caching
 * ({@code GET /graphql}, ETags, a server-side response cache the feed invalidates).
 */
package io.wellgate.live;
