package io.wellgate.demo;

import java.time.Instant;
import java.util.Map;

import io.wellgate.diagnostic.DiagnosisType;
import io.wellgate.diagnostic.Severity;

/**
 * One generated diagnostic, as a diagnosis engine watching the demo fleet would report it.
 */
public record Finding(String wellId, Instant time, DiagnosisType type, Severity severity, double confidence) {

	/** The finding as the bulk write path reads a record: field name to value. */
	public Map<String, Object> values() {
		return Map.of("wellId", this.wellId, "time", this.time, "type", this.type.name(), "severity",
				this.severity.name(), "confidence", this.confidence);
	}

}
