package io.wellgate.aggregate;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads how fresh each aggregate is: its watermark, lag behind the newest raw row, pending
 * invalidations and last refresh, for {@code aggregateStatus}, the health contributor and the
 * gauges.
 */
@Repository
public class AggregateStatuses {

	private final AggregateEngine engine;

	private final JdbcClient jdbc;

	AggregateStatuses(AggregateEngine engine, JdbcClient jdbc) {
		this.engine = engine;
		this.jdbc = jdbc;
	}

	/** Every aggregate's status, ordered by name. */
	public List<AggregateStatus> list() {
		Map<String, Double> newest = new LinkedHashMap<>();
		for (AggregateDefinition definition : this.engine.definitions()) {
			newest.computeIfAbsent(definition.source(), source -> this.jdbc
				.sql("SELECT extract(epoch FROM max(time)) FROM " + source)
				.query(Double.class)
				.optional()
				.orElse(null));
		}
		return this.jdbc.sql("""
				SELECT s.name, s.source,
				       CASE WHEN s.watermark = '-infinity' THEN NULL ELSE s.watermark END AS watermark,
				       (SELECT count(*)
				        FROM aggregate_invalidations i
				        WHERE i.aggregate = s.name AND i.lo < s.watermark) AS pending,
				       s.last_refresh_at, s.last_refresh_millis, s.last_refresh_outcome
				FROM aggregate_state s
				ORDER BY s.name
				""").query((rs, i) -> {
			OffsetDateTime watermark = rs.getObject("watermark", OffsetDateTime.class);
			Double newestRaw = newest.get(rs.getString("source"));
			Double lag = (watermark == null || newestRaw == null) ? null
					: Math.max(0, newestRaw - watermark.toEpochSecond());
			Double millis = rs.getObject("last_refresh_millis", Double.class);
			return new AggregateStatus(rs.getString("name"), watermark, lag, rs.getInt("pending"),
					rs.getObject("last_refresh_at", OffsetDateTime.class), millis, rs.getString("last_refresh_outcome"));
		}).list().stream().filter(s -> AggregateName.of(s.name()).isPresent()).toList();
	}

}
