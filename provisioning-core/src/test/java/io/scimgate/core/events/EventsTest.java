package io.scimgate.core.events;

import static io.scimgate.core.store.schema.Tables.EVENT_OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.store.internal.InListShapes;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.WrittenTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void P25_eventsCommitWithTheirTransactionAndReachListenersAfterCommit() {
        List<Event> heard = Collections.synchronizedList(new ArrayList<>());
        try (TestCore test = TestCore.start(builder -> builder.eventListener(heard::add))) {
            Events events = test.core().events();
            CoreInternals.database(test.core()).transaction(tx -> {
                tx.emit("test.one", "org-1", null, Events.data().put("n", 1));
                tx.emit("test.two", "org-2", "dir-1", Events.data().put("n", 2));
                assertTrue(heard.isEmpty(), "listeners run only after commit");
                return null;
            });
            List<Event> stored = events.list(0, 10, Set.of(), null);
            assertEquals(2, stored.size());
            assertEquals(stored, heard);
            assertEquals("test.one", stored.get(0).event());
            assertEquals(1, stored.get(0).data().get("n").asInt());
            assertEquals(stored.get(0).id() + 1, stored.get(1).id());
        }
    }

    @Test
    void P25_aRolledBackTransactionLeavesNoEvents() {
        List<Event> heard = Collections.synchronizedList(new ArrayList<>());
        try (TestCore test = TestCore.start(builder -> builder.eventListener(heard::add))) {
            assertThrows(IllegalStateException.class, () -> CoreInternals.database(test.core()).transaction(tx -> {
                tx.emit("test.lost", null, null, Events.data());
                throw new IllegalStateException("boom");
            }));
            assertTrue(test.core().events().list(0, 10, Set.of(), null).isEmpty());
            assertTrue(heard.isEmpty());
        }
    }

    @Test
    void P25_theCursorFiltersByTypeAndOrganization() {
        try (TestCore test = TestCore.start()) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                CoreInternals.database(test.core()).transaction(tx -> {
                    tx.emit(n % 2 == 0 ? "even" : "odd", "org-" + (n % 3), null, Events.data().put("n", n));
                    return null;
                });
            }
            Events events = test.core().events();
            List<Event> firstTwo = events.list(0, 2, Set.of(), null);
            assertEquals(2, firstTwo.size());
            List<Event> rest = events.list(firstTwo.get(1).id(), 100, Set.of(), null);
            assertEquals(3, rest.size());
            assertEquals(3, events.list(0, 100, Set.of("even"), null).size());
            assertEquals(2, events.list(0, 100, Set.of(), "org-0").size());
            assertThrows(io.scimgate.core.ScimgateException.class, () -> events.list(0, 101, Set.of(), null));
        }
    }

    /**
     * The relay takes a round's events from the outbox with deletes of 1, 2, 4, … 64 ids, a list of
     * another length padded with its last id: every event is published once, in its order.
     */
    @Test
    void P25_eventsOfTransactionsOfAnySizeArePublishedOnceInOrderByDeletesOfFixedShapes() {
        WrittenTables writes = new WrittenTables();
        List<Event> heard = Collections.synchronizedList(new ArrayList<>());
        try (TestCore test = TestCore.start(writes::wrap, builder -> builder.eventListener(heard::add))) {
            int emitted = 0;
            for (int size : new int[] {1, 3, 64, 65, 150, 2}) {
                int first = emitted;
                CoreInternals.database(test.core()).transaction(tx -> {
                    for (int i = 0; i < size; i++) {
                        tx.emit("test.numbered", "org-1", null, Events.data().put("n", first + i));
                    }
                    return null;
                });
                emitted += size;
            }
            List<Event> feed = new ArrayList<>();
            List<Event> page;
            while (!(page = test.core().events().list(feed.isEmpty() ? 0 : feed.get(feed.size() - 1).id(), 100, Set.of(),
                    null)).isEmpty()) {
                feed.addAll(page);
            }

            assertEquals(emitted, feed.size());
            for (int i = 0; i < feed.size(); i++) {
                assertEquals(i, feed.get(i).data().get("n").asInt());
                assertEquals(feed.get(0).id() + i, feed.get(i).id());
            }
            assertEquals(feed, heard);
            assertEquals(0, CoreInternals.database(test.core()).dsl().fetchCount(EVENT_OUTBOX));
            List<String> deletes = writes.statements(Pattern.compile("delete from (\\w+\\.)?event_outbox"));
            assertTrue(deletes.size() >= 3, deletes::toString);
            for (String delete : deletes) {
                long ids = delete.chars().filter(c -> c == '?').count();
                assertTrue(ids <= InListShapes.MAX_VALUES && Long.bitCount(ids) == 1, ids + " ids: " + delete);
            }
        }
    }

    @Test
    void P25_concurrentWritersGetStrictlyIncreasingIdsWithoutGaps() throws Exception {
        try (TestCore test = TestCore.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        CoreInternals.database(test.core()).transaction(tx -> {
                            tx.emit("a", null, null, Events.data());
                            tx.emit("b", null, null, Events.data());
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            List<Long> ids = new ArrayList<>();
            long after = 0;
            List<Event> page;
            while (!(page = test.core().events().list(after, 100, Set.of(), null)).isEmpty()) {
                page.forEach(event -> ids.add(event.id()));
                after = page.get(page.size() - 1).id();
            }
            assertEquals(240, ids.size());
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(i + 1, ids.get(i));
            }
        }
    }
}
