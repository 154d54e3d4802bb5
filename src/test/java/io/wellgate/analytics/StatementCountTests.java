package io.wellgate.analytics;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-well fields are batched: asking every field of {@code Well} for a page of wells takes
 * the same few SQL statements whether the page holds 2 wells or 10 (no N+1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCountTests.CountingConfiguration.class)
class StatementCountTests {

	// language=GraphQL
	static final String EVERY_FIELD = """
			query ($first: Int!) {
			  wells(first: $first) {
			    edges {
			      node {
			        id
			        hourly { samples }
			        daily { samples }
			        performance { samples }
			        performanceSummary { samples }
			        diagnostics { total }
			      }
			    }
			  }
			}
			""";

	// language=GraphQL
	static final String EVERY_FIELD_OF_ONE_WINDOW = """
			query ($first: Int!, $from: DateTime!, $to: DateTime!) {
			  wells(first: $first) {
			    edges {
			      node {
			        id
			        hourly(from: $from, to: $to) { samples }
			        daily(from: $from, to: $to) { samples }
			        performance(from: $from, to: $to) { samples }
			        performanceSummary(from: $from, to: $to) { samples }
			        diagnostics(from: $from, to: $to) { total }
			      }
			    }
			  }
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	StatementCounter counter;

	WellgateHttp http;

	@BeforeEach
	void writeTenWells() {
		this.http = new WellgateHttp(this.port);
		// Ids sorting before the other tests' wells, so both pages are mostly these wells, with data in every window.
		String prefix = "0api-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> wells = IntStream.range(0, 10).mapToObj(i -> prefix + "-%02d".formatted(i)).toList();
		TestFleet.write(this.http, wells, Instant.now(), Duration.ofHours(6), 7);
	}

	@Test
	void everyFieldOfAPageOfWellsOverOneWindowTakesTheSameFewStatementsForTwoAndTenWells() {
		Instant now = Instant.now();
		Map<String, Object> window = Map.of("from", now.minus(Duration.ofDays(1)).toString(), "to", now.toString());

		List<String> two = statementsOf(EVERY_FIELD_OF_ONE_WINDOW, 2, window);
		List<String> ten = statementsOf(EVERY_FIELD_OF_ONE_WINDOW, 10, window);

		assertThat(ten).as("statements for 10 wells, against 2 wells: %s", two).hasSameSizeAs(two);
		assertThat(ten).as("statements for 10 wells").hasSizeBetween(1, 7);
	}

	/**
	 * The same with every field's default (relative) window: "now" is taken once per request, so
	 * the wells share their windows (before, every well got its own statement per field).
	 */
	@Test
	void everyFieldOfAPageOfWellsOverTheDefaultWindowsTakesTheSameFewStatementsForTwoAndTenWells() {
		List<String> two = statementsOf(EVERY_FIELD, 2, Map.of());
		List<String> ten = statementsOf(EVERY_FIELD, 10, Map.of());

		assertThat(ten).as("statements for 10 wells, against 2 wells: %s", two).hasSameSizeAs(two);
		assertThat(ten).as("statements for 10 wells").hasSizeBetween(1, 7);
	}

	// language=GraphQL
	static final String EVERY_FIELD_WITH_ITS_WELLS = """
			{
			  fields {
			    name wellCount
			    performanceSummary { samples efficiencyScore healthScore }
			    wells(first: 100) {
			      edges { node { id name lastSampleAt latest { time flowRate } performanceSummary { samples } } }
			    }
			  }
			}
			""";

	/**
	 * A page of every oil field, each with its summary and its wells with their current reading
	 * and summary: the same statements (one per field kind) whatever the number of fields.
	 */
	@Test
	void everyFieldWithItsSummaryAndItsWellsTakesTheSameFewStatementsForMoreFields() {
		String prefix = "0fld-" + UUID.randomUUID().toString().substring(0, 8);
		registerFields(prefix, 0, 2);
		List<String> fewer = fieldStatements();
		registerFields(prefix, 2, 6);
		List<String> more = fieldStatements();

		assertThat(more).as("statements for more fields, against fewer: %s", fewer).hasSameSizeAs(fewer);
		assertThat(more).as("statements of a fields page").hasSize(5);
	}

	/** Fields {@code from..to} of the ten wells, each well in one field, the wells taking turns. */
	private void registerFields(String prefix, int from, int to) {
		StringBuilder csv = new StringBuilder("id,field\n");
		for (int i = 0; i < 10; i++) {
			csv.append(prefix).append("-w").append(i).append(',').append(prefix).append(" field ")
				.append(from + i % (to - from)).append('\n');
		}
		assertThat(this.http.post("/api/v1/wells", "text/csv", csv.toString(), WellgateHttp.TOKEN).status()).isEqualTo(200);
		StringBuilder samples = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			samples.append("{\"wellId\":\"%s-w%d\",\"time\":\"%s\",\"flowRate\":1000}\n".formatted(prefix, i,
					Instant.now().minusSeconds(600 + from)));
		}
		assertThat(this.http.post("/api/v1/telemetry", "application/x-ndjson", samples.toString(), WellgateHttp.TOKEN)
			.status()).isEqualTo(200);
	}

	private List<String> fieldStatements() {
		this.counter.statements.clear();
		JsonNode response = this.http.graphql(EVERY_FIELD_WITH_ITS_WELLS, Map.of(), null).json();
		List<String> statements = new ArrayList<>(this.counter.statements);

		assertThat(response.get("errors")).as(response.toString()).isNull();
		assertThat(response.at("/data/fields").size()).isGreaterThanOrEqualTo(2);
		return statements;
	}

	/** Runs a query for a page of {@code first} wells; returns the first lines of the analytics statements it ran. */
	private List<String> statementsOf(String document, int first, Map<String, Object> window) {
		Map<String, Object> variables = new HashMap<>(window);
		variables.put("first", first);
		this.counter.statements.clear();
		JsonNode response = this.http.graphql(document, variables, null).json();
		List<String> statements = new ArrayList<>(this.counter.statements);

		assertThat(response.get("errors")).as(response.toString()).isNull();
		JsonNode edges = response.at("/data/wells/edges");
		assertThat(edges).hasSize(first);
		edges.forEach(edge -> assertThat(edge.at("/node/performanceSummary/samples").isInt()).isTrue());
		return statements;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingConfiguration {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

	/**
	 * Wraps the DataSource so that every statement prepared or executed through it is seen; keeps
	 * those of the read API (they read the well registry or an aggregate's watermark), so that
	 * the aggregates' background refreshes (which consume the log, and move spans into the
	 * registry) do not disturb the count.
	 */
	static final class StatementCounter implements BeanPostProcessor {

		private static final Pattern ANALYTICS = Pattern.compile(
				"\\bFROM wells(_with_spans)?\\b|SELECT watermark FROM aggregate_state", Pattern.CASE_INSENSITIVE);

		private static final Pattern REFRESH = Pattern.compile("DELETE FROM aggregate_invalidations",
				Pattern.CASE_INSENSITIVE);

		final ConcurrentLinkedQueue<String> statements = new ConcurrentLinkedQueue<>();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof DataSource dataSource)) {
				return bean;
			}
			return proxy(dataSource, new Class<?>[] { DataSource.class, Closeable.class },
					(method, result) -> (result instanceof Connection connection) ? connection(connection) : result);
		}

		private Connection connection(Connection connection) {
			return proxy(connection, new Class<?>[] { Connection.class },
					(method, result) -> (method.getName().equals("createStatement")) ? statement((Statement) result) : result,
					(method, args) -> {
						String name = method.getName();
						if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args[0] instanceof String sql) {
							seen(sql);
						}
					});
		}

		private Statement statement(Statement statement) {
			return proxy(statement, new Class<?>[] { Statement.class }, (method, result) -> result, (method, args) -> {
				if ((method.getName().startsWith("execute") || method.getName().equals("addBatch")) && args != null
						&& args.length > 0 && args[0] instanceof String sql) {
					seen(sql);
				}
			});
		}

		private void seen(String sql) {
			if (ANALYTICS.matcher(sql).find() && !REFRESH.matcher(sql).find()) {
				this.statements.add(sql.strip().lines().findFirst().orElse(""));
			}
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Object target, Class<?>[] interfaces, ResultWrapper wrap) {
			return (T) proxy(target, interfaces, wrap, (method, args) -> {
			});
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Object target, Class<?>[] interfaces, ResultWrapper wrap, CallObserver observe) {
			InvocationHandler handler = (proxy, method, args) -> {
				if (method.getDeclaringClass() == Closeable.class || method.getDeclaringClass() == AutoCloseable.class) {
					if (target instanceof AutoCloseable closeable) {
						closeable.close();
					}
					return null;
				}
				observe.called(method, args);
				try {
					return wrap.wrap(method, method.invoke(target, args));
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			};
			return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfaces, handler);
		}

		interface ResultWrapper {

			Object wrap(Method method, Object result);

		}

		interface CallObserver {

			void called(Method method, Object[] args);

		}

	}

}
