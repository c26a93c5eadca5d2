package io.scimgate.server.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a DataSource to count the SQL statements prepared through it and the result rows read
 * from them, so a test can prove how much of the database one request touches.
 */
public final class StatementCounter {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private volatile Thread only;

    /** Counts only what {@code thread} runs from now on (null: every thread), e.g. a request without background work. */
    public void countOnly(Thread thread) {
        this.only = thread;
    }

    private boolean counted() {
        Thread thread = only;
        return thread == null || thread == Thread.currentThread();
    }

    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, arguments, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, this::onConnection) : result);
    }

    public void reset() {
        statements.set(0);
        rows.set(0);
        prepared.clear();
    }

    /** The SQL of the statements prepared since the last {@link #reset}, in order. */
    public List<String> preparedSql() {
        return List.copyOf(prepared);
    }

    public long statements() {
        return statements.get();
    }

    public long rowsRead() {
        return rows.get();
    }

    private Object onConnection(Method method, Object[] arguments, Object result) {
        if (!counted()) {
            return result;
        }
        if (method.getName().startsWith("prepare") && arguments != null && arguments.length > 0
                && arguments[0] instanceof String sql) {
            prepared.add(sql);
        }
        if (result instanceof CallableStatement callable) {
            statements.incrementAndGet();
            return proxy(CallableStatement.class, callable, this::onStatement);
        }
        if (result instanceof PreparedStatement prepared) {
            statements.incrementAndGet();
            return proxy(PreparedStatement.class, prepared, this::onStatement);
        }
        if (result instanceof Statement statement) {
            statements.incrementAndGet();
            return proxy(Statement.class, statement, this::onStatement);
        }
        return result;
    }

    private Object onStatement(Method method, Object[] arguments, Object result) {
        return result instanceof ResultSet resultSet ? proxy(ResultSet.class, resultSet, this::onResultSet) : result;
    }

    private Object onResultSet(Method method, Object[] arguments, Object result) {
        if (method.getName().equals("next") && Boolean.TRUE.equals(result) && counted()) {
            rows.incrementAndGet();
        }
        return result;
    }

    private interface AfterCall {
        Object apply(Method method, Object[] arguments, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return after.apply(method, arguments, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
