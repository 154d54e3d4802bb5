package io.wellgate.ingest;

/**
 * What a write answers: how many records were accepted (and stored).
 */
public record IngestResult(long accepted) {
}
