/**
 * Ingestion: the one validated, streaming, all-or-nothing write path (COPY into a staging table,
 * then a merge) behind the bulk endpoints and the mutations, and the partitions it writes into.
 */
package io.wellgate.telemetry;
