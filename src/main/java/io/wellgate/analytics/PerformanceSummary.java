package io.wellgate.analytics;

import java.time.OffsetDateTime;

/**
 * One well's efficiency and health over a whole window, computed with the hourly formulas over
 * all the window's samples (never an average of hourly scores).
 */
public record PerformanceSummary(String wellId, OffsetDateTime from, OffsetDateTime to, int samples,
		Double efficiencyScore, Double healthScore, int anomalyCount) {
}
