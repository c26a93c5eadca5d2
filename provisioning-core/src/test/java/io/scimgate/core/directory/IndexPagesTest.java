package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.core.directory.query.Sort;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.testing.SeededUsers;
import io.scimgate.core.testing.TestCore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.OrderField;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RULES.md P32: an index page of a whole directory is exactly what OFFSET over the current order
 * gives, whether it starts from an anchor or not, while another instance of the store creates,
 * deletes and renames users between pages.
 */
class IndexPagesTest {

    private static final int SEEDED = 2_600;

    private final List<String> preparedSql = new CopyOnWriteArrayList<>();
    private TestCore test;
    private ProvisioningCore other;
    private Database database;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start(this::recording, builder -> builder);
        database = CoreInternals.database(test.core());
        other = ProvisioningCore.builder().dataSource(test.database().dataSource()).backgroundWorkers(Set.of()).build();
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
        DirectoryUser template = test.core().directoryUsers().create(directoryId, DirectoryUsersTest.user("template@acme.example"));
        SeededUsers.copies(database.dsl(), directoryId, template.id(), SEEDED - 1);
    }

    @AfterEach
    void stop() {
        other.close();
        test.close();
    }

    /** Title: no user has one, so every anchor is a row without a sort value; meta.created: seeded users tie. */
    @ParameterizedTest(name = "sortBy {0}")
    @ValueSource(strings = {"", "userName", "userName desc", "title", "meta.created"})
    void pagesEqualOffsetsWhileAnotherInstanceCreatesDeletesAndRenames(String sortBy) {
        Sort sort = sort(sortBy);
        DirectoryUsers pages = test.core().directoryUsers();
        DirectoryUsers writes = other.directoryUsers();
        Random random = new Random(sortBy.hashCode());
        int anchored = 0;
        for (int round = 0; round < 12; round++) {
            for (int page = 0; page < 3; page++) {
                int startIndex = 1_000 + random.nextInt(SEEDED - 900);
                preparedSql.clear();
                assertEquals(offsetPage(sort, startIndex), ids(pages.list(directoryId,
                        new DirectoryQuery(null, sort, new Paging.ByIndex(startIndex, 100)))), "round " + round + ", page " + page);
                anchored += startsFromAnAnchor(sort) ? 1 : 0;
            }
            List<String> present = offsetPage(sort, 1 + random.nextInt(SEEDED - 100));
            String renamed = "zz" + round + "@acme.example";
            switch (round % 3) {
                case 0 -> writes.create(directoryId, DirectoryUsersTest.user("a" + round + "@acme.example"));
                case 1 -> writes.delete(directoryId, present.get(random.nextInt(present.size())), null);
                default -> writes.update(directoryId, present.get(random.nextInt(present.size())), null,
                        user -> DirectoryUsersTest.user(renamed));
            }
        }
        assertTrue(anchored >= 12, "pages started from anchors between the changes: " + anchored);
    }

    @ParameterizedTest(name = "sortBy {0}")
    @ValueSource(strings = {"", "userName"})
    void aPagePastTheEndIsEmptyWithTheTotal(String sortBy) {
        Sort sort = sort(sortBy);
        DirectoryUsers users = test.core().directoryUsers();
        for (int i = 0; i < 3; i++) {
            users.list(directoryId, new DirectoryQuery(null, sort, new Paging.ByIndex(2_000, 100)));
        }
        ResultPage<DirectoryUser> past = users.list(directoryId, new DirectoryQuery(null, sort, new Paging.ByIndex(SEEDED + 5, 100)));
        assertEquals(List.of(), past.items());
        assertEquals(SEEDED, past.total());
        ResultPage<DirectoryUser> last = users.list(directoryId, new DirectoryQuery(null, sort, new Paging.ByIndex(SEEDED - 10, 100)));
        assertEquals(offsetPage(sort, SEEDED - 10), ids(last));
        assertTrue(startsFromAnAnchor(sort), "the last page started from an anchor");
    }

    private static Sort sort(String sortBy) {
        return sortBy.isEmpty() ? null : new Sort(sortBy.split(" ")[0], sortBy.endsWith(" desc"));
    }

    /**
     * Whether the last page read its rows from a position in the order rather than the directory's
     * start (on PostgreSQL, text keys are compared under the "C" collation), read without quotes and parentheses.
     */
    private boolean startsFromAnAnchor(Sort sort) {
        String position = sort == null ? "seq > "
                : switch (sort.attribute()) {
                    // unique in the directory: a plain range, no tie-break by sequence
                    case "userName" -> sort.descending() ? "user_name_key( collate c)? < " : "user_name_key( collate c)? > ";
                    case "title" -> "title_key( collate c)? is null and ";
                    default -> "created_at >= ";
                };
        Pattern anchored = Pattern.compile(position);
        return preparedSql.stream().anyMatch(sql -> anchored.matcher(sql.replaceAll("[\"()]", "").toLowerCase()).find());
    }

    private List<String> offsetPage(Sort sort, int startIndex) {
        List<OrderField<?>> order = sort == null ? List.of(DIRECTORY_USER.SEQ)
                : switch (sort.attribute()) {
                    case "userName" -> List.of(sort.descending() ? DIRECTORY_USER.USER_NAME_KEY.desc() : DIRECTORY_USER.USER_NAME_KEY.asc(),
                            DIRECTORY_USER.SEQ);
                    case "title" -> List.of(DIRECTORY_USER.TITLE_KEY.asc().nullsLast(), DIRECTORY_USER.SEQ);
                    default -> List.of(DIRECTORY_USER.CREATED_AT, DIRECTORY_USER.SEQ);
                };
        return database.dsl().select(DIRECTORY_USER.ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId))
                .orderBy(order).offset(startIndex - 1).limit(100)
                .fetch(DIRECTORY_USER.ID);
    }

    private static List<String> ids(ResultPage<DirectoryUser> page) {
        return page.items().stream().map(DirectoryUser::id).collect(Collectors.toList());
    }

    private DataSource recording(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(method, dataSource, arguments);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                (connectionProxy, connectionMethod, connectionArguments) -> {
                                    if (connectionMethod.getName().startsWith("prepare") && connectionArguments != null
                                            && connectionArguments[0] instanceof String sql) {
                                        preparedSql.add(sql);
                                    }
                                    return invoke(connectionMethod, connection, connectionArguments);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
