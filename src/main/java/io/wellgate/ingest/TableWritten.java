package io.wellgate.ingest;

/**
 * Published after a write to one of wellgate's raw tables has committed, so that what derives from
 * that table (the aggregates) can catch up without any feature knowing another.
 *
 * @param table the table written, e.g. {@code esp_telemetry}
 * @param rows how many rows the write stored
 */
public record TableWritten(String table, long rows) {
}
