package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_TALLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.directory.internal.DirectorySize;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.testing.TestCore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RULES.md P5 and P32: the count of a directory's users and the changes of its order are exact under
 * concurrency; concurrent writers of one directory on one instance lease different stripes, so that
 * neither waits for the other's commit.
 */
class DirectoryUserTallyTest {

    private TestCore test;
    private Database database;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start(builder -> builder);
        database = CoreInternals.database(test.core());
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    /** The stripes' (users, changes), by stripe, as committed. */
    private Map<Integer, List<Long>> stripes() {
        return database.dsl().select(DIRECTORY_USER_TALLY.STRIPE, DIRECTORY_USER_TALLY.USERS, DIRECTORY_USER_TALLY.CHANGES)
                .from(DIRECTORY_USER_TALLY)
                .where(DIRECTORY_USER_TALLY.DIRECTORY_ID.eq(directoryId))
                .fetchMap(row -> row.value1(), row -> List.of(row.value2(), row.value3()));
    }

    @Test
    void P32_twoCreatesHeldOpenAtOnceInOneDirectoryTakeDifferentStripes() throws Exception {
        CountDownLatch bothCounted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                writers.add(threads.submit(() -> database.transaction(tx -> {
                    DirectoryUserTally.added(tx, directoryId);
                    DirectoryUserTally.hold(tx, directoryId); // the same transaction again: its own stripe
                    bothCounted.countDown();
                    try {
                        assertTrue(release.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                })));
            }
            // Had they shared a stripe, the second would wait on the first's row lock until it commits.
            assertTrue(bothCounted.await(30, TimeUnit.SECONDS), "both transactions counted while the other was open");
            release.countDown();
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        Map<Integer, List<Long>> stripes = stripes();
        List<Integer> used = stripes.entrySet().stream().filter(e -> e.getValue().get(0) == 1L).map(Map.Entry::getKey).toList();
        assertEquals(2, used.size(), "one user on each of two stripes: " + stripes);
        assertNotEquals(used.get(0), used.get(1));
        used.forEach(stripe -> assertEquals(2L, stripes.get(stripe).get(1), "both changes of a transaction on its one stripe"));
        assertEquals(new DirectorySize(2, 4L), DirectoryUserTally.size(database.dsl(), directoryId));
    }

    @Test
    void aStripeIsFreeAgainWhenItsTransactionEndsWhetherItCommitsOrNot() {
        database.transaction(tx -> {
            DirectoryUserTally.added(tx, directoryId);
            return null;
        });
        try {
            database.transaction(tx -> {
                DirectoryUserTally.added(tx, directoryId);
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        database.transaction(tx -> {
            DirectoryUserTally.added(tx, directoryId);
            return null;
        });
        Map<Integer, List<Long>> stripes = stripes();
        assertEquals(List.of(2L, 2L), stripes.get(0), "one after the other, transactions take the first stripe: " + stripes);
        assertEquals(2, DirectoryUserTally.size(database.dsl(), directoryId).rows());
    }

    @Test
    void P5_countsStayExactUnderConcurrentCreatesAndDeletes() throws Exception {
        DirectoryUsers users = test.core().directoryUsers();
        int threadCount = 6;
        int perThread = 15;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    go.await();
                    for (int n = 0; n < perThread; n++) {
                        DirectoryUser created = users.create(directoryId, DirectoryUsersTest.user("u" + thread + "-" + n + "@acme.example"));
                        if (n % 3 == 0) {
                            users.delete(directoryId, created.id(), null);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        int deletedPerThread = (perThread + 2) / 3;
        int kept = threadCount * (perThread - deletedPerThread);
        var size = DirectoryUserTally.size(database.dsl(), directoryId);
        assertEquals(kept, size.rows());
        assertEquals((long) threadCount * (perThread + deletedPerThread), size.orderVersion(), "one order change per create and per delete");
        assertEquals(kept, users.list(directoryId, new DirectoryQuery(null, null, new Paging.ByIndex(1, 0))).total());
    }
}
