package io.wellgate.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.wellgate.diagnostic.DiagnosisType;
import io.wellgate.diagnostic.Severity;
import io.wellgate.telemetry.TelemetryMetric;

/**
 * The definitions of the four continuous aggregates ({@link AggregateName}), in that order. Buckets hold re-aggregatable parts (counts,
 * sums, breach counts) so that any window over several buckets is computed exactly from them,
 * plus what cannot be re-aggregated but is only ever read per bucket (daily stddev and median).
 */
public final class AggregateDefinitions {

	/** Samples whose hydraulic power and electrical power both count toward efficiency. */
	static final String ELIGIBLE = "r.flow_rate IS NOT NULL AND r.intake_pressure IS NOT NULL"
			+ " AND r.discharge_pressure IS NOT NULL AND r.power_kw > 0";

	/** Hydraulic power of a sample, kW (the contract's formula, in its order of operations). */
	static final String HYDRAULIC = "r.flow_rate * (r.discharge_pressure - r.intake_pressure) * 1.2687e-5";

	private AggregateDefinitions() {
	}

	public static List<AggregateDefinition> all(AggregateProperties.Breach breach) {
		return List.of(telemetryHourly(), telemetryDaily(), wellPerformanceHourly(breach), diagnosticSummaryDaily());
	}

	static AggregateDefinition telemetryHourly() {
		List<Part> parts = new ArrayList<>(List.of(Part.count("samples")));
		for (TelemetryMetric metric : TelemetryMetric.values()) {
			parts.addAll(range(metric.column()));
		}
		return new AggregateDefinition(AggregateName.TELEMETRY_HOURLY, "esp_telemetry", Duration.ofHours(1), parts, true, true);
	}

	static AggregateDefinition telemetryDaily() {
		List<Part> parts = new ArrayList<>(List.of(Part.count("samples")));
		for (TelemetryMetric metric : TelemetryMetric.values()) {
			String c = metric.column();
			parts.addAll(range(c));
			parts.add(Part.number(c + "_stddev", "stddev_samp(r." + c + ")"));
			parts.add(Part.number(c + "_median", "percentile_cont(0.5) WITHIN GROUP (ORDER BY r." + c + ")"));
		}
		// Today stays open: its medians need every row of the day, so materializing it would make
		// each refresh re-sort the whole day of every well that sent a sample (about 1 ms per well
		// at midday), where a read pays that for the wells it reads.
		return new AggregateDefinition(AggregateName.TELEMETRY_DAILY, "esp_telemetry", Duration.ofDays(1), parts, false, false);
	}

	static AggregateDefinition wellPerformanceHourly(AggregateProperties.Breach breach) {
		String vibration = "r.vibration > " + breach.vibration();
		String overheat = "r.motor_temperature > " + breach.motorTemperature();
		String overcurrent = "r.motor_current > " + breach.motorCurrent();
		String lowIntake = "r.intake_pressure < " + breach.intakePressure();
		return new AggregateDefinition(AggregateName.WELL_PERFORMANCE_HOURLY, "esp_telemetry", Duration.ofHours(1),
				List.of(Part.count("samples"), Part.count("eligible", ELIGIBLE),
						Part.sum("hydraulic_kw_sum", HYDRAULIC, ELIGIBLE),
						Part.sum("power_kw_sum", "r.power_kw", ELIGIBLE),
						Part.count("vibration_breaches", vibration), Part.count("overheat_breaches", overheat),
						Part.count("overcurrent_breaches", overcurrent), Part.count("low_intake_breaches", lowIntake),
						Part.count("anomalies",
								String.join(" OR ", vibration, overheat, overcurrent, lowIntake))),
				true, false);
	}

	static AggregateDefinition diagnosticSummaryDaily() {
		List<Part> parts = new ArrayList<>(List.of(Part.count("total")));
		for (Severity severity : Severity.values()) {
			parts.add(Part.count("severity_" + severity.name().toLowerCase(), "r.severity = '" + severity.name() + "'"));
		}
		for (DiagnosisType type : DiagnosisType.values()) {
			parts.add(Part.count("type_" + type.name().toLowerCase(), "r.type = '" + type.name() + "'"));
		}
		parts.add(Part.sum("confidence_sum", "r.confidence"));
		parts.add(Part.number("confidence_min", "min(r.confidence)"));
		parts.add(Part.number("confidence_max", "max(r.confidence)"));
		return new AggregateDefinition(AggregateName.DIAGNOSTIC_SUMMARY_DAILY, "diagnostic_results", Duration.ofDays(1), parts, true,
				false);
	}

	private static List<Part> range(String column) {
		return List.of(Part.countOf(column + "_n", "r." + column),
				Part.sum(column + "_sum", "r." + column),
				Part.number(column + "_min", "min(r." + column + ")"),
				Part.number(column + "_max", "max(r." + column + ")"));
	}

}
