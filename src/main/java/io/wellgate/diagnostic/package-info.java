/**
 * Diagnostics: findings of the diagnosis engine, ingested like telemetry.
 */
package io.wellgate.diagnostic;
