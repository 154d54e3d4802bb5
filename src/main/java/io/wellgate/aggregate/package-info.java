/**
 * The continuous aggregate engine: the four aggregates' definitions (written once, in
 * {@code AggregateDefinitions}), the trigger-fed invalidation log, incremental refresh under an
 * advisory lock, the always-exact bucket reads the API is built on, retention and the policies
 * that schedule them, and freshness in the actuator and in {@code aggregateStatus}.
 */
package io.wellgate.aggregate;
