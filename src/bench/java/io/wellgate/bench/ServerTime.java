package io.wellgate.bench;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server-side time of a captured statement, the kind of figure TimescaleDB's targets are:
 * the statement prepared on the server as the service's connections prepare theirs (a generic
 * plan, {@code plan_cache_mode = force_generic_plan}), then run with {@code EXPLAIN (ANALYZE,
 * TIMING OFF, SUMMARY ON) EXECUTE}. A run's time is its "Planning Time" (for a cached generic
 * plan: the plan-cache lookup, the parameters' input and the executor's locks) plus its
 * "Execution Time" (executor start-up, with run-time partition pruning, the run and shut-down):
 * all the server's work except the protocol and converting and sending the rows.
 * <p>
 * The parameters' types are the ones the driver declared for the service's statement, as the
 * server resolved them (the driver's calls replayed, then described), and their values are
 * rendered as literals by the server from those same calls; nothing is guessed from Java types.
 */
final class ServerTime {

	private static final String NAME = "bench_q";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	ServerTime(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * @param total planning + execution time of each run
	 * @param planning planning time alone, of the same runs
	 * @param parameters how the statement's parameters were bound, and the type each got on the server
	 */
	record Result(Timing total, Timing planning, String parameters) {
	}

	/**
	 * Times {@code statement} on a connection of its own with {@code stopwatch}.
	 * @param rows the rows the statement returned when captured: every run must return as many
	 */
	Result measure(StatementCounter.Captured statement, int rows, Stopwatch stopwatch) throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("SET plan_cache_mode = force_generic_plan");
			List<String> types = types(connection, statement);
			List<String> literals = literals(connection, statement, types);
			sql.execute("PREPARE %s%s AS %s".formatted(NAME, list(types), numbered(statement)));
			try {
				String explain = "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) EXECUTE " + NAME + list(literals);
				List<Long> planning = new ArrayList<>();
				Timing total = stopwatch.measure(() -> {
					Run run = explain(sql, explain);
					if (run.rows() != rows) {
						throw new IllegalStateException("The statement returned %d rows on the server, %d when captured: %s"
							.formatted(run.rows(), rows, explain));
					}
					planning.add(run.planningNanos());
					return run.planningNanos() + run.executionNanos();
				});
				// The probe ran for the warm-up too: the measured runs are the last ones.
				long[] measured = planning.subList(planning.size() - total.runs(), planning.size()).stream()
					.mapToLong(Long::longValue).toArray();
				return new Result(total, Timing.of(measured), describe(statement, types));
			}
			finally {
				sql.execute("DEALLOCATE " + NAME);
			}
		}
	}

	/** The statement's parameter types on the server, given the driver's calls that bound them. */
	private static List<String> types(Connection connection, StatementCounter.Captured statement) throws Exception {
		try (PreparedStatement described = connection.prepareStatement(statement.sql())) {
			replay(described, statement);
			ParameterMetaData metadata = described.getParameterMetaData();
			List<String> types = new ArrayList<>();
			for (int i = 1; i <= metadata.getParameterCount(); i++) {
				types.add(metadata.getParameterTypeName(i));
			}
			if (types.size() != statement.bindings().size()) {
				throw new IllegalStateException("The statement has %d parameters, %d were bound: %s".formatted(types.size(),
						statement.bindings().size(), statement.sql()));
			}
			return types;
		}
	}

	/** Each bound value as the server renders it: a quoted literal of the parameter's type, or NULL. */
	private static List<String> literals(Connection connection, StatementCounter.Captured statement, List<String> types)
			throws Exception {
		if (types.isEmpty()) {
			return List.of();
		}
		String select = types.stream().map(type -> "quote_nullable(CAST(? AS " + type + "))").collect(Collectors.joining(", ",
				"SELECT ", ""));
		try (PreparedStatement quote = connection.prepareStatement(select)) {
			replay(quote, statement);
			try (ResultSet rs = quote.executeQuery()) {
				rs.next();
				List<String> literals = new ArrayList<>();
				for (int i = 1; i <= types.size(); i++) {
					literals.add(rs.getString(i));
				}
				return literals;
			}
		}
	}

	private static void replay(PreparedStatement target, StatementCounter.Captured statement) throws Exception {
		int index = 1;
		for (StatementCounter.Captured.Binding binding : statement.bindings()) {
			if (binding.index() != index) {
				throw new IllegalStateException("Parameter %d was not bound: %s".formatted(index, statement.sql()));
			}
			binding.replay(target, index++);
		}
	}

	/**
	 * The SQL with its {@code ?} placeholders numbered {@code $1, $2, ...} as the driver numbers
	 * them; a {@code ?} in a quoted literal, a quoted name or a comment is not a placeholder.
	 */
	static String numbered(StatementCounter.Captured statement) {
		String sql = statement.sql();
		StringBuilder numbered = new StringBuilder(sql.length() + 16);
		int parameters = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			int end = switch (c) {
				case '\'', '"' -> sql.indexOf(c, i + 1);
				case '-' -> sql.startsWith("--", i) ? lineEnd(sql, i) : i;
				case '/' -> sql.startsWith("/*", i) ? sql.indexOf("*/", i + 2) + 1 : i;
				default -> i;
			};
			if (end < i) {
				throw new IllegalStateException("Unterminated quote or comment in: " + sql);
			}
			if (c == '?') {
				numbered.append('$').append(++parameters);
			}
			else {
				// A doubled quote inside a literal is two adjacent literals here: the same text either way.
				numbered.append(sql, i, end + 1);
				i = end;
			}
		}
		if (parameters != statement.bindings().size()) {
			throw new IllegalStateException("Found %d placeholders, %d parameters were bound: %s".formatted(parameters,
					statement.bindings().size(), sql));
		}
		return numbered.toString();
	}

	private static int lineEnd(String sql, int from) {
		int end = sql.indexOf('\n', from);
		return (end < 0) ? sql.length() - 1 : end;
	}

	private static Run explain(Statement sql, String explain) throws Exception {
		try (ResultSet rs = sql.executeQuery(explain)) {
			rs.next();
			JsonNode plan = JSON.readTree(rs.getString(1)).get(0);
			return new Run(nanos(plan.get("Planning Time")), nanos(plan.get("Execution Time")),
					Math.round(plan.get("Plan").get("Actual Rows").asDouble()));
		}
	}

	private static long nanos(JsonNode millis) {
		if (millis == null) {
			throw new IllegalStateException("EXPLAIN reported no planning or execution time");
		}
		return Math.round(millis.asDouble() * 1e6);
	}

	/** How the parameters arrived from the service and the types they got, e.g. {@code setObject(OffsetDateTime) timestamptz x4}. */
	private static String describe(StatementCounter.Captured statement, List<String> types) {
		Map<String, Integer> kinds = new LinkedHashMap<>();
		for (int i = 0; i < types.size(); i++) {
			kinds.merge(statement.bindings().get(i) + " " + types.get(i), 1, Integer::sum);
		}
		return kinds.entrySet().stream().map(e -> e.getKey() + ((e.getValue() > 1) ? " x" + e.getValue() : ""))
			.collect(Collectors.joining(", "));
	}

	private static String list(List<String> items) {
		return items.isEmpty() ? "" : items.stream().collect(Collectors.joining(", ", "(", ")"));
	}

	private record Run(long planningNanos, long executionNanos, long rows) {
	}

}
