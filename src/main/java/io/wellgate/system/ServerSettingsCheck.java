package io.wellgate.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks at the server's settings once the schema is in place, and names each one that the engine
 * cannot set for itself and that would hurt it, with the value to use: every server is someone
 * else's (a distribution package, RDS, Cloud SQL), and its defaults are not the embedded one's.
 */
public class ServerSettingsCheck {

	private static final Logger log = LoggerFactory.getLogger(ServerSettingsCheck.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	ServerSettingsCheck(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
	}

	@EventListener(ApplicationReadyEvent.class)
	void logFindings() {
		try {
			findings().forEach(finding -> log.warn("PostgreSQL setting: {}", finding));
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the PostgreSQL server's settings: {}", ex.getMessage());
		}
	}

	/** What a pooled session of wellgate sees, by setting name. */
	public Map<String, String> sessionSettings() {
		return this.jdbc.sql("""
				SELECT name, setting
				FROM pg_settings
				WHERE name IN ('jit', 'plan_cache_mode', 'work_mem', 'max_locks_per_transaction', 'max_connections',
				               'max_prepared_transactions', 'statement_timeout', 'server_version_num')
				""")
			.query((rs, i) -> Map.entry(rs.getString("name"), rs.getString("setting")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Each setting that would hurt the engine on this server, as a sentence naming the value to use. */
	public List<String> findings() {
		Map<String, String> settings = sessionSettings();
		List<String> findings = new ArrayList<>();
		if (Integer.parseInt(settings.get("server_version_num")) < 150000) {
			findings.add("server_version_num is " + settings.get("server_version_num") + "; wellgate needs PostgreSQL 15 or later");
		}
		// A statement planned generically locks every partition of its tables and their indexes; the
		// lock table holds max_locks_per_transaction x (max_connections + max_prepared_transactions).
		int perStatement = locksOfWidestTable();
		int pool = (this.dataSource instanceof HikariDataSource hikari) ? hikari.getMaximumPoolSize() : 10;
		int locks = Integer.parseInt(settings.get("max_locks_per_transaction"));
		int connections = Integer.parseInt(settings.get("max_connections"))
				+ Integer.parseInt(settings.get("max_prepared_transactions"));
		// Half the lock table for wellgate at most: the server shares it with every other client.
		long wanted = 2L * perStatement * pool;
		if (wanted > (long) locks * connections) {
			int needed = locks;
			while ((long) needed * connections < wanted) {
				needed *= 2;
			}
			findings.add(("max_locks_per_transaction is %d: a read over every daily partition locks %d relations, and %d pooled"
					+ " sessions at once would hold %d of the lock table's %d slots, which the server shares with every other"
					+ " client; set max_locks_per_transaction = %d (needs a restart) or keep fewer days of raw rows")
				.formatted(locks, perStatement, pool, perStatement * pool, locks * connections, needed));
		}
		if (!"0".equals(settings.get("statement_timeout"))) {
			findings.add(("statement_timeout is %s ms for wellgate's role: a first build or catch-up refresh of a long history,"
					+ " and a large bulk write, may be cancelled; set statement_timeout = 0 for wellgate's role"
					+ " (ALTER ROLE ... SET statement_timeout = 0) and rely on wellgate.graphql.timeout for reads")
				.formatted(settings.get("statement_timeout")));
		}
		return findings;
	}

	/** Relations one statement over all partitions of the widest partitioned table locks: each partition and its indexes. */
	private int locksOfWidestTable() {
		return this.jdbc.sql("""
				SELECT coalesce(max(relations), 0)
				FROM (SELECT i.inhparent, count(*) + sum((SELECT count(*) FROM pg_index x WHERE x.indrelid = i.inhrelid)) AS relations
				      FROM pg_inherits i
				      JOIN pg_class c ON c.oid = i.inhparent
				      WHERE c.relkind = 'p'
				        AND c.relnamespace = current_schema()::regnamespace
				      GROUP BY i.inhparent) t
				""").query(Integer.class).single();
	}

}
