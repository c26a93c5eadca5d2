package io.scimgate.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.core.directory.query.Sort;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.testing.SeededUsers;
import io.scimgate.core.testing.TestCore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.VisitListener;
import org.jooq.impl.DefaultVisitListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements of a whole directory's list pages are rendered once per shape (the order, its
 * direction, where the page starts) and then only bound with each page's values (BENCHMARKS.md,
 * eighth pass): jOOQ visits no query part for a page whose shape an earlier page had, whether
 * rendering or binding. Counted with a jOOQ {@link VisitListener} on the store's configuration,
 * which sees every rendering and every binding jOOQ does.
 */
class ListPageRenderingTest {

    private static final int SEEDED = 2_600;
    private static final Sort BY_USER_NAME = new Sort("userName", false);

    private final Thread testThread = Thread.currentThread();
    private final AtomicInteger visits = new AtomicInteger();
    private TestCore test;
    private DirectoryUsers users;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start();
        Database database = CoreInternals.database(test.core());
        users = test.core().directoryUsers();
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
        DirectoryUser template = users.create(directoryId, DirectoryUsersTest.user("template@acme.example"));
        SeededUsers.copies(database.dsl(), directoryId, template.id(), SEEDED - 1);
        database.dsl().configuration().set(new DefaultVisitListenerProvider(VisitListener.onVisitStart(context -> {
            if (Thread.currentThread() == testThread) {
                visits.incrementAndGet();
            }
        })));
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void pagesOfAShapeSeenBeforeAreNotRenderedAgain() {
        Map<String, String> cursors = new HashMap<>();
        // Every shape once: index pages from the start, then anchors taken and a page from one (past
        // it: a page at an anchor's own position skips nothing, another shape); cursor walks' first
        // and later pages.
        for (int i = 0; i < 3; i++) {
            indexPage(null, 1_500);
            indexPage(BY_USER_NAME, 1_500);
        }
        for (int i = 0; i < 2; i++) {
            cursors.put("plain", cursorPage(null, cursors.getOrDefault("plain", "")).nextCursor());
            cursors.put("sorted", cursorPage(BY_USER_NAME, cursors.getOrDefault("sorted", "")).nextCursor());
        }
        assertTrue(visits.get() > 0, "the listener sees what jOOQ renders (the first pages of each shape)");

        visits.set(0);
        List<String> seen = new ArrayList<>();
        for (int startIndex : List.of(1_800, 2_351, 1_251)) {
            seen.addAll(ids(indexPage(null, startIndex)));
            seen.addAll(ids(indexPage(BY_USER_NAME, startIndex)));
        }
        for (int i = 0; i < 3; i++) {
            ResultPage<DirectoryUser> plain = cursorPage(null, cursors.get("plain"));
            ResultPage<DirectoryUser> sorted = cursorPage(BY_USER_NAME, cursors.get("sorted"));
            cursors.put("plain", plain.nextCursor());
            cursors.put("sorted", sorted.nextCursor());
            seen.addAll(ids(plain));
            seen.addAll(ids(sorted));
        }

        assertEquals(12 * 100, seen.size(), "every page was full");
        assertEquals(0, visits.get(), "query parts jOOQ visited for pages whose shapes it had rendered");
    }

    @Test
    void aNewShapeIsRenderedOnceAndThenBoundWithOtherValues() {
        Sort byDisplayNameDescending = new Sort("displayName", true);
        cursorPage(byDisplayNameDescending, "");
        String second = cursorPage(byDisplayNameDescending, cursorPage(byDisplayNameDescending, "").nextCursor()).nextCursor();
        visits.set(0);

        ResultPage<DirectoryUser> third = cursorPage(byDisplayNameDescending, second);
        ResultPage<DirectoryUser> fourth = cursorPage(byDisplayNameDescending, third.nextCursor());

        assertEquals(0, visits.get(), "query parts jOOQ visited for later pages of the walk");
        assertEquals(100, fourth.items().size());
        assertNotEquals(ids(third), ids(fourth));
        assertTrue(third.items().stream().noneMatch(fourth.items()::contains), "the walk moved on");
    }

    private ResultPage<DirectoryUser> indexPage(Sort sort, int startIndex) {
        return users.list(directoryId, new DirectoryQuery(null, sort, new Paging.ByIndex(startIndex, 100)));
    }

    private ResultPage<DirectoryUser> cursorPage(Sort sort, String cursor) {
        return users.list(directoryId, new DirectoryQuery(null, sort, new Paging.ByCursor(cursor, 100)));
    }

    private static List<String> ids(ResultPage<DirectoryUser> page) {
        return page.items().stream().map(DirectoryUser::id).toList();
    }
}
