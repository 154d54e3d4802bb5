package io.wellgate.analytics;

import java.time.OffsetDateTime;

/**
 * One well's efficiency and health over one hour.
 */
public record Performance(String wellId, OffsetDateTime bucket, int samples, Double efficiencyScore,
		Double healthScore, int anomalyCount) {
}
