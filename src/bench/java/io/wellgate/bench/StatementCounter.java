package io.wellgate.bench;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.support.MergedBeanDefinitionPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Counts the SQL statements run through the service's DataSource (prepared, called, or executed
 * as text), the way {@code StatementCountTests} does, so that the benchmark can tell how many
 * statements one GraphQL request costs. Scheduled refreshes are off while it counts.
 * <p>
 * It also captures, on request and on the calling thread only, the one statement that a read
 * runs: its SQL and the driver calls that bound its parameters, so that {@link ServerTime} can
 * run the very same statement on the server. Other threads (the HTTP server's) are not recorded,
 * and nothing is wrapped or recorded when no capture is under way, so timings are unaffected.
 * <p>
 * It must wrap the DataSource after every other post-processor has seen it: the service's
 * {@code DatabaseSessions} gives the pool its session settings (JIT off, generic plans, work
 * memory) only if it sees a {@code HikariDataSource}, not this proxy. Registered as a bean (see
 * {@link BenchService}), it is an "internal" post-processor, one that Spring registers again after
 * all others, so it comes last; added with {@code addBeanPostProcessor}, it came first and the
 * benchmark's service ran without those settings.
 */
final class StatementCounter implements MergedBeanDefinitionPostProcessor {

	private final AtomicLong statements = new AtomicLong();

	private final ThreadLocal<List<Recording>> capturing = new ThreadLocal<>();

	long count() {
		return this.statements.get();
	}

	/**
	 * A statement as the service ran it.
	 *
	 * @param sql the SQL given to the driver, {@code ?} for each parameter
	 * @param bindings the {@code set*} calls that bound the parameters, by parameter index
	 */
	record Captured(String sql, List<Binding> bindings) {

		/** A parameter's {@code set*} call on the {@link PreparedStatement}: {@code args[0]} is its index. */
		record Binding(Method method, Object[] args) {

			int index() {
				return (Integer) this.args[0];
			}

			/** The bound value ({@code null} for {@code setNull}). */
			Object value() {
				return this.method.getName().equals("setNull") ? null : this.args[1];
			}

			/** Makes the same call on another statement, for its parameter {@code index}. */
			void replay(PreparedStatement statement, int index) throws Exception {
				Object[] args = this.args.clone();
				args[0] = index;
				try {
					this.method.invoke(statement, args);
				}
				catch (InvocationTargetException ex) {
					throw (ex.getCause() instanceof Exception cause) ? cause : ex;
				}
			}

			@Override
			public String toString() {
				Object value = value();
				return this.method.getName() + "(" + ((value == null) ? "null" : value.getClass().getSimpleName()) + ")";
			}

		}

	}

	/**
	 * Runs {@code task} on this thread and answers the one statement it ran.
	 * @param what the task's name, for the message when it did not run exactly one
	 * @throws IllegalStateException when it ran none, or more than one
	 */
	Captured capture(String what, Stopwatch.Task task) throws Exception {
		List<Recording> recordings = new ArrayList<>();
		this.capturing.set(recordings);
		try {
			task.run();
		}
		finally {
			this.capturing.remove();
		}
		List<Recording> run = recordings.stream().filter(r -> r.executions > 0).toList();
		if (run.size() != 1 || run.get(0).executions != 1) {
			throw new IllegalStateException("%s: expected to capture exactly one statement, but it ran %s".formatted(what,
					run.isEmpty() ? "none" : run.stream().map(Recording::toString).collect(Collectors.joining(", "))));
		}
		return new Captured(run.get(0).sql, List.copyOf(run.get(0).executed));
	}

	@Override
	public void postProcessMergedBeanDefinition(RootBeanDefinition definition, Class<?> type, String beanName) {
		// Nothing to do: implemented only to be ordered last (see the class comment).
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		// Closeable too, so that Spring still closes the pool at shutdown.
		Class<?>[] types = (bean instanceof Closeable) ? new Class<?>[] { DataSource.class, Closeable.class }
				: new Class<?>[] { DataSource.class };
		return proxy(types,
				(method, args) -> (method.getName().equals("getConnection")) ? connection((Connection) call(dataSource, method, args))
						: call(dataSource, method, args));
	}

	private Connection connection(Connection connection) {
		return proxy(new Class<?>[] { Connection.class }, (method, args) -> {
			String name = method.getName();
			if (name.equals("prepareStatement") || name.equals("prepareCall")) {
				this.statements.incrementAndGet();
			}
			List<Recording> recordings = this.capturing.get();
			if (recordings != null && name.equals("prepareCall")) {
				throw new IllegalStateException("A captured read called a procedure; only statements can be captured");
			}
			Object result = call(connection, method, args);
			if (name.equals("createStatement")) {
				return statement((Statement) result);
			}
			if (recordings != null && name.equals("prepareStatement")) {
				Recording recording = new Recording((String) args[0]);
				recordings.add(recording);
				return prepared((PreparedStatement) result, recording);
			}
			return result;
		});
	}

	private Statement statement(Statement statement) {
		return proxy(new Class<?>[] { Statement.class }, (method, args) -> {
			if (method.getName().startsWith("execute") || method.getName().equals("addBatch")) {
				this.statements.incrementAndGet();
				List<Recording> recordings = this.capturing.get();
				if (recordings != null) {
					Recording text = new Recording((args != null && args.length > 0) ? (String) args[0] : "executeBatch()");
					text.executions = 1;
					recordings.add(text);
				}
			}
			return call(statement, method, args);
		});
	}

	/**
	 * A statement prepared while capturing, wrapped to record its parameters' {@code set*} calls
	 * (the ones of {@link PreparedStatement} that take the parameter's index first) and its executions.
	 */
	private PreparedStatement prepared(PreparedStatement statement, Recording recording) {
		return proxy(new Class<?>[] { PreparedStatement.class }, (method, args) -> {
			String name = method.getName();
			if (name.startsWith("set") && args != null && args.length >= 2 && method.getParameterTypes()[0] == int.class) {
				recording.bound.put((Integer) args[0], new Captured.Binding(method, args.clone()));
			}
			else if (name.equals("clearParameters")) {
				recording.bound.clear();
			}
			else if (name.startsWith("execute") || name.equals("addBatch")) {
				recording.executions++;
				recording.executed = List.copyOf(recording.bound.values());
			}
			return call(statement, method, args);
		});
	}

	/** What the capturing thread ran of one statement so far. */
	private static final class Recording {

		private final String sql;

		private final SortedMap<Integer, Captured.Binding> bound = new TreeMap<>();

		private List<Captured.Binding> executed = List.of();

		private int executions;

		Recording(String sql) {
			this.sql = sql;
		}

		@Override
		public String toString() {
			return this.executions + " x [" + this.sql.strip().replaceAll("\\s+", " ") + "]";
		}

	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<?>[] types, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(method, args);
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), types, invocation);
	}

	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

}
