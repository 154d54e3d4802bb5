package io.wellgate.bench;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements run through the service's DataSource (prepared, called, or executed
 * as text), the way {@code StatementCountTests} does, so that the benchmark can tell how many
 * statements one GraphQL request costs. Scheduled refreshes are off while it counts.
 */
final class StatementCounter implements BeanPostProcessor {

	private final AtomicLong statements = new AtomicLong();

	long count() {
		return this.statements.get();
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
			Object result = call(connection, method, args);
			return (name.equals("createStatement")) ? statement((Statement) result) : result;
		});
	}

	private Statement statement(Statement statement) {
		return proxy(new Class<?>[] { Statement.class }, (method, args) -> {
			if (method.getName().startsWith("execute") || method.getName().equals("addBatch")) {
				this.statements.incrementAndGet();
			}
			return call(statement, method, args);
		});
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
