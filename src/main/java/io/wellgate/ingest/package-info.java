/**
 * The write path shared by every record type: one validated, streaming, all-or-nothing write (a
 * binary COPY straight into the partitioned table, replayed through a staging table and a merge
 * when the table refuses it) behind the bulk endpoints and the mutations, and the partitions it
 * writes into. Its public face: {@link io.wellgate.ingest.BulkWriter}, the record's
 * {@link io.wellgate.ingest.RecordSchema} and {@link io.wellgate.ingest.Field}s, the sources
 * ({@link io.wellgate.ingest.BulkBody}, {@link io.wellgate.ingest.GraphQlRows},
 * {@link io.wellgate.ingest.RowSource}) and the {@link io.wellgate.ingest.IngestResult}.
 */
package io.wellgate.ingest;
