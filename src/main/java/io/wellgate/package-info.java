/**
 * wellgate's root package. Features live in sub-packages: {@code well}, {@code telemetry}
 * (ingest), {@code diagnostic}, {@code aggregate} (the engine), {@code analytics} (reads) and
 * {@code system} (configuration, security, errors).
 */
package io.wellgate;
