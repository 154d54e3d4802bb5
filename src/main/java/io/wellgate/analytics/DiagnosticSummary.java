package io.wellgate.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * One well's diagnostic findings over one UTC day.
 */
public record DiagnosticSummary(String wellId, LocalDate day, int total, SeverityCounts bySeverity,
		List<TypeCount> byType, Range confidence) {

	public record SeverityCounts(int low, int medium, int high, int critical) {
	}

	public record TypeCount(String type, int count) {
	}

}
