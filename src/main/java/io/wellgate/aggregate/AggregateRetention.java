package io.wellgate.aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: raw rows go by whole daily partitions, and only once every aggregate they feed has
 * materialized them with nothing pending, so the aggregates keep the history after the raw rows
 * are gone (and no later refresh wipes it: see {@code AggregateSql.refresh}).
 * Materialized buckets go after their own, longer, retention.
 */
@Component
public class AggregateRetention {

	private static final Logger log = LoggerFactory.getLogger(AggregateRetention.class);

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final AggregateEngine engine;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AggregateProperties settings;

	AggregateRetention(AggregateEngine engine, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			AggregateProperties properties) {
		this.engine = engine;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = properties;
	}

	/**
	 * Applies both retentions.
	 * @return the raw partitions dropped
	 */
	public List<String> apply() {
		List<String> dropped = new ArrayList<>();
		if (!this.settings.rawRetention().isZero()) {
			LocalDate cutoff = LocalDate.ofInstant(this.clock.instant().minus(this.settings.rawRetention()), ZoneOffset.UTC);
			for (String source : sources()) {
				dropped.addAll(dropRawBefore(source, cutoff));
			}
		}
		if (!this.settings.aggregateRetention().isZero()) {
			OffsetDateTime cutoff = OffsetDateTime.ofInstant(this.clock.instant().minus(this.settings.aggregateRetention()),
					ZoneOffset.UTC);
			for (AggregateDefinition definition : this.engine.definitions()) {
				int deleted = this.jdbc.sql("DELETE FROM " + definition.name() + " WHERE bucket < :cutoff")
					.param("cutoff", AggregateEngine.floor(definition, cutoff.toInstant()))
					.update();
				if (deleted > 0) {
					log.info("Retention deleted {} buckets of {} older than {}", deleted, definition.name(), cutoff);
				}
			}
		}
		return dropped;
	}

	private List<String> sources() {
		return this.engine.definitions().stream().map(AggregateDefinition::source).distinct().toList();
	}

	/** Drops the partitions of {@code source} for days before {@code cutoff}, when it is safe. */
	private List<String> dropRawBefore(String source, LocalDate cutoff) {
		List<String> candidates = this.jdbc.sql("""
				SELECT c.relname
				FROM pg_inherits i
				JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = CAST(:source AS regclass)
				ORDER BY c.relname
				""").param("source", source).query(String.class).list().stream().filter(partition -> {
			LocalDate day = LocalDate.parse(partition.substring(partition.length() - 8), SUFFIX);
			return day.isBefore(cutoff);
		}).toList();
		if (candidates.isEmpty()) {
			return List.of();
		}
		List<AggregateDefinition> fed = this.engine.definitions().stream().filter(d -> d.source().equals(source)).toList();
		// Materialize first, so that what the partitions hold is in the aggregates.
		fed.forEach(definition -> this.engine.refresh(definition.aggregate(), null, null));
		OffsetDateTime horizon = cutoff.atStartOfDay().atOffset(ZoneOffset.UTC);
		try {
			this.transaction.executeWithoutResult(status -> {
				this.jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
				for (AggregateDefinition definition : fed) {
					this.jdbc.sql("SELECT pg_advisory_xact_lock(" + AggregateEngine.REFRESH_LOCK + ")")
						.param("name", definition.name())
						.query()
						.singleRow();
				}
				for (String partition : candidates) {
					this.jdbc.sql("DROP TABLE " + partition).update();
				}
				// Dropping locked the table: no write into these days is in flight now. Anything of
				// them that is not materialized must stay in raw form.
				Integer unsafe = this.jdbc.sql("""
						SELECT count(*)
						FROM aggregate_state s
						LEFT JOIN aggregate_invalidations i ON i.aggregate = s.name AND i.lo < :horizon
						WHERE s.source = :source
						  AND (s.watermark < :horizon OR i.aggregate IS NOT NULL)
						""").param("horizon", horizon).param("source", source).query(Integer.class).single();
				if (unsafe > 0) {
					throw new IllegalStateException("not all of " + source + " before " + cutoff + " is materialized yet");
				}
				this.jdbc.sql("""
						UPDATE aggregate_state
						SET raw_horizon = greatest(raw_horizon, :horizon)
						WHERE source = :source
						""").param("horizon", horizon).param("source", source).update();
			});
		}
		catch (RuntimeException ex) {
			log.warn("Raw retention of {} postponed: {}", source, ex.getMessage());
			return List.of();
		}
		log.info("Raw retention dropped {} partition(s) of {} before {}", candidates.size(), source, cutoff);
		return candidates;
	}

}
