package io.wellgate.ingest;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily partitions of the two fact tables in place: a window of days ahead of today
 * on a schedule, and whatever days a write needs just before it merges (back-filled history),
 * so that no accepted sample is ever refused for want of a partition.
 */
@Component
public class Partitions {

	private static final Logger log = LoggerFactory.getLogger(Partitions.class);

	public static final List<String> TABLES = List.of("esp_telemetry", "diagnostic_results");

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final int aheadDays;

	private final ObjectProvider<TaskScheduler> scheduler;

	private final String schedule;

	Partitions(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, ObjectProvider<TaskScheduler> scheduler,
			PartitionProperties properties) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		// DDL commits on its own, so that the catalog lock is not held through a long merge.
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.aheadDays = properties.aheadDays();
		this.scheduler = scheduler;
		this.schedule = properties.schedule();
	}

	/**
	 * Creates the missing partitions of {@code table} for {@code days}.
	 * @return how many were created
	 */
	public int ensure(String table, Collection<LocalDate> days) {
		if (days.isEmpty()) {
			return 0;
		}
		Date[] array = days.stream().sorted().map(Date::valueOf).toArray(Date[]::new);
		Integer created = this.ownTransaction.execute(status -> this.jdbc
			.sql("SELECT wellgate_ensure_daily_partitions(:table, :days)")
			.param("table", table)
			.param("days", array)
			.query(Integer.class)
			.single());
		if (created != null && created > 0) {
			log.info("Created {} daily partition(s) of {}", created, table);
		}
		return created == null ? 0 : created;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		createAhead();
		// Absent from slice tests, which create partitions by calling createAhead.
		this.scheduler.ifAvailable(tasks -> tasks.schedule(this::createAhead, new CronTrigger(this.schedule, ZoneOffset.UTC)));
	}

	public void createAhead() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		List<LocalDate> days = today.minusDays(1).datesUntil(today.plusDays(this.aheadDays + 1L)).toList();
		for (String table : TABLES) {
			ensure(table, days);
		}
	}

}
