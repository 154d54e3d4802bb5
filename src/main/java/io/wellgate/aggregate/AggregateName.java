package io.wellgate.aggregate;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four continuous aggregates of the contract. Code names one by this type; its {@link #id()}
 * is the name it has everywhere else: its table, its row of {@code aggregate_state}, its name in
 * the API and in the metrics. Only a name from outside (a client's argument) is parsed, once.
 */
public enum AggregateName {

	TELEMETRY_HOURLY("telemetry_hourly"),

	TELEMETRY_DAILY("telemetry_daily"),

	WELL_PERFORMANCE_HOURLY("well_performance_hourly"),

	DIAGNOSTIC_SUMMARY_DAILY("diagnostic_summary_daily");

	private final String id;

	AggregateName(String id) {
		this.id = id;
	}

	/** The aggregate's name in the database and the API; also what logs and messages print. */
	public String id() {
		return this.id;
	}

	@Override
	public String toString() {
		return this.id;
	}

	/** The aggregate of that name, if there is one. */
	public static Optional<AggregateName> of(String id) {
		return Arrays.stream(values()).filter(name -> name.id.equals(id)).findFirst();
	}

	/** Every aggregate's name, in this order, for messages that list them. */
	static String ids() {
		return Arrays.stream(values()).map(AggregateName::id).collect(Collectors.joining(", "));
	}

}
