package io.scimgate.core.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Wraps a DataSource to record the tables that INSERT, UPDATE, DELETE and MERGE statements name,
 * so a test can prove that some work wrote nothing (or only to the tables it expects); it keeps
 * every statement's SQL, so a test can count statements of one kind.
 */
public final class WrittenTables {

    private static final Pattern WRITE = Pattern.compile(
            // A write, or H2's form of one with RETURNING: select … from final table (insert into …), old table (delete from …).
            "(?:^\\s*|\\btable\\s*\\(\\s*)(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))*)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> tables = new TreeSet<>();
    private final List<String> statements = new ArrayList<>();

    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, arguments, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, this::onConnection) : result);
    }

    /** Forgets what was written so far. */
    public synchronized void reset() {
        tables.clear();
        statements.clear();
    }

    /** How many statements since the last {@link #reset()}, of any kind, match {@code sql} (ignoring case). */
    public synchronized long statementsMatching(Pattern sql) {
        return statements.stream().filter(statement -> sql.matcher(statement).find()).count();
    }

    /** The tables written since the last {@link #reset()}, lower-case and without schema. */
    public synchronized Set<String> tables() {
        return Set.copyOf(tables);
    }

    private Object onConnection(Method method, Object[] arguments, Object result) {
        if (method.getName().startsWith("prepare") && arguments != null && arguments[0] instanceof String sql) {
            record(sql);
        }
        if (result instanceof Statement statement && !method.getName().startsWith("prepare")) {
            return proxy(Statement.class, statement, this::onStatement);
        }
        return result;
    }

    /** Plain statements carry their SQL in execute and addBatch; prepared ones were recorded when prepared. */
    private Object onStatement(Method method, Object[] arguments, Object result) {
        if ((method.getName().startsWith("execute") || method.getName().equals("addBatch"))
                && arguments != null && arguments.length > 0 && arguments[0] instanceof String sql) {
            record(sql);
        }
        return result;
    }

    private synchronized void record(String sql) {
        statements.add(sql.toLowerCase(Locale.ROOT));
        Matcher matcher = WRITE.matcher(sql);
        if (matcher.find()) {
            String[] parts = matcher.group(1).split("\\.");
            tables.add(parts[parts.length - 1].replace("\"", "").toLowerCase(Locale.ROOT));
        }
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
