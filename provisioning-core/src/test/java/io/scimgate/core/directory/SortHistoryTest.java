package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_SORT_CHANGE;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_SORT_CHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.TestCore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RULES.md P31: what a change records for cursor walks, how a walk's start waits for changes under way, and pruning. */
class SortHistoryTest {

    private final MutableClock clock = MutableClock.startingNow();
    private TestCore test;
    private Database database;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start(builder -> builder.clock(clock));
        database = CoreInternals.database(test.core());
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void anUpdateRecordsTheSortValuesBeforeItAfterTheWalksStart() {
        DirectoryUsers users = test.core().directoryUsers();
        DirectoryUser ana = users.create(directoryId, DirectoryUsersTest.user("ana@acme.example"));
        long start = SortHistory.walkStart(database.dsl(), directoryId);
        users.update(directoryId, ana.id(), null, user -> DirectoryUsersTest.user("zoe@acme.example"));
        var recorded = database.dsl().selectFrom(DIRECTORY_USER_SORT_CHANGE)
                .where(DIRECTORY_USER_SORT_CHANGE.RESOURCE_ID.eq(ana.id())).fetchSingle();
        assertEquals("ana@acme.example", recorded.getUserNameKey(), "the userName before the change");
        assertTrue(recorded.getPosition() > start, "positioned after the walk's start");
        users.update(directoryId, ana.id(), null, user -> DirectoryUsersTest.user("zoe@acme.example"));
        assertEquals(1, database.dsl().fetchCount(DIRECTORY_USER_SORT_CHANGE), "an update that changes nothing records nothing");
    }

    @Test
    void aWalkStartWaitsForAChangeUnderWayInItsDirectory() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = threads.submit(() -> database.transaction(tx -> {
                DirectoryUserTally.hold(tx, directoryId);
                held.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS));
            CompletableFuture<Long> walk = CompletableFuture.supplyAsync(
                    () -> SortHistory.walkStart(database.dsl(), directoryId), threads);
            Thread.sleep(300);
            assertFalse(walk.isDone(), "the walk's start waits while a change holds its directory's stripe");
            release.countDown();
            writer.get(30, TimeUnit.SECONDS);
            assertTrue(walk.get(30, TimeUnit.SECONDS) > 0, "and starts once it has committed");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void changesArePrunedOnlyOnceNoCursorCanNeedThem() {
        DirectoryUsers users = test.core().directoryUsers();
        DirectoryUser ana = users.create(directoryId, DirectoryUsersTest.user("ana@acme.example"));
        users.update(directoryId, ana.id(), null, user -> DirectoryUsersTest.user("bea@acme.example"));
        DirectoryGroups groups = test.core().directoryGroups();
        DirectoryGroup team = groups.create(directoryId, new DirectoryGroupData("Team", null, "{}"), List.of());
        groups.update(directoryId, team.id(), null, edit -> edit.addMembers(List.of(ana.id())));
        assertEquals(1, database.dsl().fetchCount(DIRECTORY_GROUP_SORT_CHANGE), "a member added changes the group's lastModified");

        clock.advance(SortHistory.CURSOR_LIFETIME);
        assertEquals(0, SortHistory.prune(database, clock), "kept while a cursor of a walk begun before them lives");
        clock.advance(Duration.ofHours(2));
        assertEquals(2, SortHistory.prune(database, clock));
        assertEquals(0, database.dsl().fetchCount(DIRECTORY_USER_SORT_CHANGE));
    }
}
