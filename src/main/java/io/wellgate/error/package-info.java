/**
 * Request errors that every layer throws and {@code system} maps to HTTP problems and GraphQL
 * errors (which argument, which line, why). It imports nothing of wellgate's.
 */
package io.wellgate.error;
