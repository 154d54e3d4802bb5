/**
 * Cross-cutting set-up: settings, the embedded PostgreSQL, security, error mapping.
 */
package io.wellgate.system;
