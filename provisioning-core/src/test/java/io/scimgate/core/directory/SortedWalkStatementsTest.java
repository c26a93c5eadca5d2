package io.scimgate.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.core.directory.query.Sort;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.TestCore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RULES.md P31: what the pages of a sorted cursor walk run against the store. None ends a
 * transaction with a rollback: on H2 a rollback empties the connection's cache of parsed
 * statements, and every statement later run on that pooled connection was parsed and planned
 * again (BENCHMARKS.md, fifth pass).
 */
class SortedWalkStatementsTest {

    private static final Sort BY_USER_NAME = new Sort("userName", false);
    private static final String TOTAL = "select sum(directory_user_tally.users)";
    private static final String PAGE = "select directory_user.seq, directory_user.id";

    /** The SQL of the statements the test's thread prepared, and its rollbacks, in order (not the core's background work). */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Thread testThread = Thread.currentThread();
    private TestCore test;
    private DirectoryUsers users;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start(this::recording, builder -> builder);
        users = test.core().directoryUsers();
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
        for (String name : List.of("cy", "ana", "eve", "bo", "dan")) {
            users.create(directoryId, DirectoryUsersTest.user(name + "@acme.example"));
        }
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void aWalksFirstPageAlsoTakesItsStartAndNoPageRollsBack() {
        calls.clear();
        ResultPage<DirectoryUser> first = page("");
        assertCalls(List.of(TOTAL, "select next", "select directory_user_tally.stripe", PAGE),
                "the total, the walk's start (a position, then the directory's stripes), the page");
        calls.clear();
        ResultPage<DirectoryUser> second = page(first.nextCursor());
        ResultPage<DirectoryUser> last = page(second.nextCursor());
        assertCalls(List.of(TOTAL, PAGE, TOTAL, PAGE), "each later page: the total and the page");
        List<String> walked = new ArrayList<>();
        for (ResultPage<DirectoryUser> page : List.of(first, second, last)) {
            page.items().forEach(user -> walked.add(user.userName()));
        }
        assertEquals(List.of("ana@acme.example", "bo@acme.example", "cy@acme.example", "dan@acme.example",
                "eve@acme.example"), walked);
    }

    /** Asserts the calls since the last clear: statements that start with {@code expected}, in order (and no rollback). */
    private void assertCalls(List<String> expected, String message) {
        List<String> seen = new ArrayList<>(calls);
        for (int i = 0; i < Math.min(expected.size(), seen.size()); i++) {
            if (seen.get(i).startsWith(expected.get(i))) {
                seen.set(i, expected.get(i));
            }
        }
        assertEquals(expected, seen, message);
    }

    private ResultPage<DirectoryUser> page(String cursor) {
        return users.list(directoryId, new DirectoryQuery(null, BY_USER_NAME, new Paging.ByCursor(cursor, 2)));
    }

    /** Records the statements prepared through {@code dataSource}'s connections, and their rollbacks. */
    private DataSource recording(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, arguments, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, (call, callArguments, called) -> {
                    if (Thread.currentThread() != testThread) {
                        return called;
                    }
                    if (call.getName().startsWith("prepare") && callArguments[0] instanceof String sql) {
                        calls.add(sql.toLowerCase(Locale.ROOT));
                    } else if (call.getName().equals("rollback")) {
                        calls.add("rollback");
                    }
                    return called;
                })
                : result);
    }

    private interface AfterCall {
        Object after(java.lang.reflect.Method method, Object[] arguments, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, arguments) -> {
            try {
                return after.after(method, arguments, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
