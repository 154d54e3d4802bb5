/**
 * Analytics: the GraphQL read API over the continuous aggregates.
 */
package io.wellgate.analytics;
