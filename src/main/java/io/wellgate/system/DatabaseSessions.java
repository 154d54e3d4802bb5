package io.wellgate.system;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Gives every pooled session what the engine needs on any server, as the pool opens it: the SQL
 * run on each new connection of every {@link HikariDataSource} of the context (the embedded
 * server's and a configured one alike).
 * <ul>
 * <li>{@code plan_cache_mode = force_generic_plan}: wellgate's reads are a few fixed statements over
 * many partitions; planning them costs more than running them, so they are prepared at once
 * ({@code prepareThreshold=1}) and planned once (run-time partition pruning keeps the generic plans
 * as selective as custom ones).</li>
 * <li>{@code jit = off} unless {@code wellgate.database.jit} is on: see {@link DatabaseProperties}.</li>
 * <li>{@code work_mem} from {@code wellgate.database.work-mem}.</li>
 * </ul>
 * A static bean: a post-processor is created before configuration properties can be injected, so
 * it binds them itself.
 */
final class DatabaseSessions implements BeanPostProcessor {

	private final String initSql;

	DatabaseSessions(Environment environment) {
		this(Binder.get(environment).bindOrCreate("wellgate.database", DatabaseProperties.class));
	}

	DatabaseSessions(DatabaseProperties properties) {
		this.initSql = initSql(properties);
	}

	static String initSql(DatabaseProperties properties) {
		List<String> settings = new ArrayList<>();
		settings.add("SET plan_cache_mode = force_generic_plan");
		if (!properties.jit()) {
			settings.add("SET jit = off");
		}
		if (!properties.workMem().isBlank()) {
			settings.add("SET work_mem = '" + properties.workMem().strip().replace(" ", "") + "'");
		}
		return String.join("; ", settings);
	}

	/**
	 * After Spring Boot has bound {@code spring.datasource.hikari.*} (a priority post-processor, so
	 * SQL configured there runs first), and before any post-processor wraps the pool in a proxy.
	 */
	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool) {
			String configured = pool.getConnectionInitSql();
			pool.setConnectionInitSql(
					(configured == null || configured.isBlank()) ? this.initSql : configured + "; " + this.initSql);
			pool.addDataSourceProperty("prepareThreshold", "1");
		}
		return bean;
	}

}
