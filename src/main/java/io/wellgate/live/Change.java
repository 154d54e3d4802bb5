package io.wellgate.live;

import java.time.Instant;

/**
 * One well's change in one statement: its telemetry ({@code esp_telemetry}), diagnostics
 * ({@code diagnostic_results}) or registry entry ({@code wells}, no time range) changed between
 * {@code from} and {@code to} (inclusive; the times of the rows written, updated or deleted).
 */
record Change(String source, String wellId, Instant from, Instant to) {

	/** Two changes of one well as one, over both ranges. */
	Change merge(Change other) {
		return new Change(this.source.equals(other.source) ? this.source : "*", this.wellId, min(this.from, other.from),
				max(this.to, other.to));
	}

	private static Instant min(Instant a, Instant b) {
		return (a == null) ? b : (b == null) ? a : a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return (a == null) ? b : (b == null) ? a : a.isAfter(b) ? a : b;
	}

}
