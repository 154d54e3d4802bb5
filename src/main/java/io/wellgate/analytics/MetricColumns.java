package io.wellgate.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.wellgate.telemetry.TelemetryMetric;

/**
 * The metrics' statistics in one result, read by their labels ({@code flow_rate_avg}, ...): each
 * label is looked up once, at the first row, and every row then reads by index, so reading by
 * name costs a fleet's thousands of rows nothing. One per result set (it keeps that result's
 * column indexes).
 */
final class MetricColumns {

	private final List<String> statistics;

	private int[][] indexes;

	/** @param statistics the statistics each metric has, the suffixes of its labels ({@code avg}, ...) */
	MetricColumns(String... statistics) {
		this.statistics = List.of(statistics);
	}

	/** The {@code statistic} of {@code metric} in the current row, {@code null} where SQL's is. */
	Double get(ResultSet rs, TelemetryMetric metric, String statistic) throws SQLException {
		if (this.indexes == null) {
			this.indexes = indexes(rs);
		}
		int index = this.statistics.indexOf(statistic);
		if (index < 0) {
			throw new IllegalArgumentException("no statistic " + statistic + " among " + this.statistics);
		}
		double value = rs.getDouble(this.indexes[metric.ordinal()][index]);
		return rs.wasNull() ? null : value;
	}

	private int[][] indexes(ResultSet rs) throws SQLException {
		TelemetryMetric[] metrics = TelemetryMetric.values();
		int[][] indexes = new int[metrics.length][this.statistics.size()];
		for (TelemetryMetric metric : metrics) {
			for (int i = 0; i < this.statistics.size(); i++) {
				indexes[metric.ordinal()][i] = rs.findColumn(metric.column() + "_" + this.statistics.get(i));
			}
		}
		return indexes;
	}

}
