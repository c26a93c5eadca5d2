package io.scimgate.core.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Wraps a DataSource to record the tables that INSERT, UPDATE, DELETE and MERGE statements name,
 * so a test can prove that some work wrote nothing (or only to the tables it expects); it keeps
 * every statement's SQL, so a test can count statements of one kind. It also counts, per table, the
 * commits that wrote it: each {@code commit()} of a transaction that wrote it, and each write run in
 * autocommit (each row of a batch apart, as H2 commits them).
 */
public final class WrittenTables {

    private static final Pattern WRITE = Pattern.compile(
            // A write, or H2's form of one with RETURNING: select … from final table (insert into …), old table (delete from …).
            "(?:^\\s*|\\btable\\s*\\(\\s*)(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))*)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> tables = new TreeSet<>();
    private final List<String> statements = new ArrayList<>();
    private final Map<String, Long> transactionCommits = new HashMap<>();
    private final Map<String, Long> autocommittedWrites = new HashMap<>();
    private Pattern hookSql;
    private Runnable hook;

    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, arguments, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, new Watched(connection)::onConnection) : result);
    }

    /** Forgets what was written so far. */
    public synchronized void reset() {
        tables.clear();
        statements.clear();
        transactionCommits.clear();
        autocommittedWrites.clear();
    }

    /**
     * Runs {@code action} once, on the preparing thread, when a statement whose SQL (lower-case) matches {@code sql}
     * is next prepared, after it is prepared and before it runs: to change the store
     * between two steps of the work under test.
     */
    public synchronized void onceWhenPreparing(Pattern sql, Runnable action) {
        hookSql = sql;
        hook = action;
    }

    /** How many statements since the last {@link #reset()}, of any kind, match {@code sql} (ignoring case). */
    public synchronized long statementsMatching(Pattern sql) {
        return statements.stream().filter(statement -> sql.matcher(statement).find()).count();
    }

    /** The statements since the last {@link #reset()}, lower-case, that match {@code sql}, in the order prepared. */
    public synchronized List<String> statements(Pattern sql) {
        return statements.stream().filter(statement -> sql.matcher(statement).find()).toList();
    }

    /** The tables written since the last {@link #reset()}, lower-case and without schema. */
    public synchronized Set<String> tables() {
        return Set.copyOf(tables);
    }

    /** How many commits since the last {@link #reset()} wrote {@code table}: transactions committed, plus writes in autocommit. */
    public synchronized long commitsWriting(String table) {
        return transactionCommits.getOrDefault(table, 0L) + autocommittedWrites(table);
    }

    /** How many writes of {@code table} since the last {@link #reset()} ran in autocommit, each row of a batch counted. */
    public synchronized long autocommittedWrites(String table) {
        return autocommittedWrites.getOrDefault(table, 0L);
    }

    /** One connection handed out: the tables its open transaction wrote. */
    private final class Watched {

        private final Connection connection;
        private final Set<String> writtenInTransaction = new HashSet<>();

        Watched(Connection connection) {
            this.connection = connection;
        }

        private Object onConnection(Method method, Object[] arguments, Object result) {
            String name = method.getName();
            if (name.equals("commit")) {
                committed();
            } else if (name.equals("rollback") && (arguments == null || arguments.length == 0)) {
                writtenInTransaction.clear();
            }
            if (name.startsWith("prepare") && arguments != null && arguments[0] instanceof String sql) {
                String table = record(sql);
                runHookFor(sql);
                if (table != null && name.equals("prepareStatement") && result instanceof PreparedStatement prepared) {
                    return proxy(PreparedStatement.class, prepared, (call, args, value) -> onWrite(table, call, value));
                }
            }
            if (result instanceof Statement statement && !name.startsWith("prepare")) {
                return proxy(Statement.class, statement, this::onStatement);
            }
            return result;
        }

        /** Plain statements carry their SQL in execute and addBatch; prepared ones were recorded when prepared. */
        private Object onStatement(Method method, Object[] arguments, Object result) {
            if ((method.getName().startsWith("execute") || method.getName().equals("addBatch"))
                    && arguments != null && arguments.length > 0 && arguments[0] instanceof String sql) {
                String table = record(sql);
                if (table != null) {
                    wrote(table, 1);
                }
            }
            return result;
        }

        private Object onWrite(String table, Method method, Object result) {
            String name = method.getName();
            if (name.equals("addBatch") || name.startsWith("execute") && !name.endsWith("Batch")) {
                wrote(table, 1);
            }
            return result;
        }

        private void wrote(String table, long rows) {
            boolean autoCommit;
            try {
                autoCommit = connection.getAutoCommit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (autoCommit) {
                synchronized (WrittenTables.this) {
                    autocommittedWrites.merge(table, rows, Long::sum);
                }
            } else {
                writtenInTransaction.add(table);
            }
        }

        private void committed() {
            synchronized (WrittenTables.this) {
                writtenInTransaction.forEach(table -> transactionCommits.merge(table, 1L, Long::sum));
            }
            writtenInTransaction.clear();
        }
    }

    private void runHookFor(String sql) {
        Runnable action;
        synchronized (this) {
            if (hook == null || !hookSql.matcher(sql.toLowerCase(Locale.ROOT)).find()) {
                return;
            }
            action = hook;
            hook = null;
        }
        action.run();
    }

    /** @return the table the statement writes, if it writes one */
    private synchronized String record(String sql) {
        statements.add(sql.toLowerCase(Locale.ROOT));
        Matcher matcher = WRITE.matcher(sql);
        if (matcher.find()) {
            String[] parts = matcher.group(1).split("\\.");
            String table = parts[parts.length - 1].replace("\"", "").toLowerCase(Locale.ROOT);
            tables.add(table);
            return table;
        }
        return null;
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
