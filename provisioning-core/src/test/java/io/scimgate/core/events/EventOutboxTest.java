package io.scimgate.core.events;

import static io.scimgate.core.store.schema.Tables.EVENT_OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.CoreInternals;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Events committed to the outbox whose relay never published them (RULES.md P25): the instance
 * was killed between its commit and its relay's round. Such an event is left exactly as its
 * transaction wrote it, so these tests write the outbox rows themselves.
 */
class EventOutboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void P25_eventsCommittedButNeverPublishedArePublishedAtTheNextStartAfterTheFeedOnceEach() {
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource pool = database.dataSource()) {
            ProvisioningCore first = ProvisioningCore.builder().dataSource(pool).build();
            emit(first, "organization.created", "org-1");
            long published = first.events().lastId();
            first.close();
            leaveUnpublished(CoreInternals.database(first).dsl(), "user.created", "org-1", "org-2", "{\"n\":1}");
            leaveUnpublished(CoreInternals.database(first).dsl(), "user.updated", "org-1", null, "{\"n\":2}");

            ProvisioningCore next = ProvisioningCore.builder().dataSource(pool).build();
            try {
                List<Event> feed = awaitFeed(next, 3);
                assertEquals(List.of("organization.created", "user.created", "user.updated"),
                        feed.stream().map(Event::event).toList());
                assertEquals(List.of(published, published + 1, published + 2), feed.stream().map(Event::id).toList(),
                        "after the feed, in the order written");
                assertEquals(2, feed.get(2).data().get("n").asInt());
                assertEquals(List.of("user.created"), next.events().list(0, 100, List.of(), "org-2").stream()
                        .map(Event::event).toList(), "in the feed of its audience too");
                assertEquals(0, CoreInternals.database(next).dsl().fetchCount(EVENT_OUTBOX), "the outbox is empty");
                emit(next, "organization.updated", "org-1");
                assertEquals(published + 3, next.events().lastId(), "the feed continues after them");
            } finally {
                next.close();
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    @Test
    void P25_aRunningInstancePublishesWhatAnotherLeftUnpublishedOnceItIsOlderThanTheOrphanAge() {
        MutableClock clock = MutableClock.startingNow();
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource pool = database.dataSource()) {
            ProvisioningCore core = ProvisioningCore.builder().dataSource(pool).clock(clock).build();
            try {
                clock.advance(Duration.ofSeconds(1)); // written after this relay started
                leaveUnpublished(CoreInternals.database(core).dsl(), "user.created", "org-1", null, "{}", clock);
                clock.advance(EventRelay.ORPHAN_AGE.plusSeconds(1));

                List<Event> feed = awaitFeed(core, 1);
                assertEquals("user.created", feed.get(0).event());
                assertEquals(0, CoreInternals.database(core).dsl().fetchCount(EVENT_OUTBOX));
            } finally {
                core.close();
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    /**
     * A relay that was slow to publish what its writers handed over finds those events taken: another
     * instance's relay adopted them as orphans. They stay in the feed once, with the adopter's ids,
     * and the slow relay's listeners do not hear them again.
     */
    @Test
    void P25_anEventAnotherRelayAdoptedIsNotPublishedAgainByTheRelayItWasHandedTo() {
        MutableClock clock = MutableClock.startingNow();
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource pool = database.dataSource()) {
            ProvisioningCore adopter = ProvisioningCore.builder().dataSource(pool).clock(clock).build();
            try {
                Database store = CoreInternals.database(adopter);
                clock.advance(Duration.ofSeconds(1));
                leaveUnpublished(store.dsl(), "user.created", "org-1", null, "{\"n\":1}", clock);
                leaveUnpublished(store.dsl(), "user.updated", "org-1", null, "{\"n\":2}", clock);
                List<EventRelay.Unpublished> handedOver = store.dsl().selectFrom(EVENT_OUTBOX).orderBy(EVENT_OUTBOX.SEQ)
                        .fetch(Events::unpublished);
                clock.advance(EventRelay.ORPHAN_AGE.plusSeconds(1));
                List<Event> adopted = awaitFeed(adopter, 2);

                List<Event> heard = Collections.synchronizedList(new ArrayList<>());
                try (EventRelay slow = new EventRelay(store, clock, heard::addAll)) {
                    slow.start();
                    slow.committed(handedOver);
                    slow.flush();
                }

                assertEquals(List.of(), heard);
                assertEquals(adopted, adopter.events().list(0, 100, List.of(), null), "each once, with the adopter's id");
            } finally {
                adopter.close();
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    private static void emit(ProvisioningCore core, String type, String organizationId) {
        CoreInternals.database(core).transaction(tx -> {
            tx.emit(type, organizationId, null, Events.data());
            return null;
        });
    }

    private static void leaveUnpublished(DSLContext dsl, String type, String organizationId, String audience, String data) {
        leaveUnpublished(dsl, type, organizationId, audience, data, Clock.systemUTC());
    }

    /** What a writer's transaction leaves in the outbox when its instance dies before its relay's next round. */
    private static void leaveUnpublished(DSLContext dsl, String type, String organizationId, String audience, String data,
            Clock clock) {
        dsl.insertInto(EVENT_OUTBOX, EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.ORGANIZATION_ID, EVENT_OUTBOX.AUDIENCE,
                EVENT_OUTBOX.DATA, EVENT_OUTBOX.CREATED_AT).values(type, organizationId, audience, data, Times.now(clock))
                .execute();
    }

    /** The whole feed once it holds {@code count} events (the relay adopts orphans in the background). */
    private static List<Event> awaitFeed(ProvisioningCore core, int count) {
        Supplier<List<Event>> feed = () -> core.events().list(0, 100, List.of(), null);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Event> seen = feed.get();
        while (seen.size() < count && System.nanoTime() < deadline) {
            sleep();
            seen = feed.get();
        }
        assertTrue(seen.size() >= count, "the feed after " + PATIENCE.toSeconds() + " s: " + seen);
        assertEquals(count, seen.size(), () -> "no more than " + count + ": " + feed.get());
        return seen;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
