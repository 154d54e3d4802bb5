/**
 * Ingestion: the one validated, streaming, all-or-nothing write path (a binary COPY straight
 * into the partitioned table, replayed through a staging table and a merge when the table
 * refuses it) behind the bulk endpoints and the mutations, and the partitions it writes into.
 */
package io.wellgate.telemetry;
