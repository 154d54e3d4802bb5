/**
 * Cross-cutting set-up: the embedded PostgreSQL and every pooled session's settings, the GraphQL
 * runtime (scalars, federation, limits, document cache, persisted documents), GraphiQL, error
 * mapping. It imports no feature.
 */
package io.wellgate.system;
