package io.wellgate.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily partitions of the raw tables.
 *
 * @param aheadDays daily partitions kept created ahead of today
 * @param schedule when the partitions ahead are checked and created (cron, UTC)
 */
@ConfigurationProperties("wellgate.partitions")
@Validated
public record PartitionProperties(@DefaultValue("7") @Min(1) int aheadDays,
		@DefaultValue("0 7 * * * *") @NotBlank String schedule) {
}
