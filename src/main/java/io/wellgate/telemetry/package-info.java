/**
 * Telemetry: the sample's schema and metrics, {@code POST /api/v1/telemetry} and
 * {@code ingestTelemetry}, all written through {@code ingest}.
 */
package io.wellgate.telemetry;
