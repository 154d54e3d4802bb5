package io.wellgate.ingest;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the write path.
 *
 * @param maxRowsPerCall rows one GraphQL mutation may carry
 * @param maxBodySize largest bulk request body
 * @param maxReportedErrors bad lines listed in one 400 response
 * @param futureTolerance how far ahead of the server clock a sample may be stamped
 * @param maxConcurrentWrites writes running at once; more wait their turn
 */
@ConfigurationProperties("wellgate.ingest")
@Validated
public record IngestProperties(@DefaultValue("10000") @Min(1) int maxRowsPerCall,
		@DefaultValue("512MB") @NotNull DataSize maxBodySize, @DefaultValue("100") @Min(1) int maxReportedErrors,
		@DefaultValue("5m") @NotNull Duration futureTolerance, @DefaultValue("4") @Min(1) int maxConcurrentWrites) {
}
