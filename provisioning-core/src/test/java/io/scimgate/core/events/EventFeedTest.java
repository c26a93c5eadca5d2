package io.scimgate.core.events;

import static io.scimgate.core.testing.ProvisioningFixture.person;
import static io.scimgate.core.testing.ProvisioningFixture.withNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.testing.ProvisioningFixture;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The feed as its consumers read it (RULES.md P25): per organization, by time, and across instances. */
class EventFeedTest {

    @Test
    void P25_userEventsReachTheFeedOfEveryOrganizationThePersonBelongsTo() {
        try (ProvisioningFixture fixture = new ProvisioningFixture()) {
            String acme = fixture.organization("Acme", "acme.com");
            String partner = fixture.organization("Partner");
            String acmeDirectory = fixture.directory(acme);
            String partnerDirectory = fixture.directory(partner);
            String ana = fixture.push(acmeDirectory, person("ana@acme.com", "Ana", "Lee")).id();
            fixture.push(partnerDirectory, person("ana@acme.com", "Ana", "Lee"));
            fixture.change(acmeDirectory, ana, data -> withNames(data, "Anna", "Lee"));

            List<Event> acmeFeed = fixture.core().events().list(0, 100, List.of("user.created", "user.updated"), acme);
            assertEquals(List.of("user.created", "user.updated"), acmeFeed.stream().map(Event::event).toList());
            assertTrue(acmeFeed.stream().allMatch(event -> acme.equals(event.organizationId())));

            List<Event> partnerFeed = fixture.core().events().list(0, 100, List.of("user.created", "user.updated"), partner);
            assertEquals(List.of("user.updated"), partnerFeed.stream().map(Event::event).toList(),
                    "the person joined Partner after being created, and is renamed while a member of both");
            assertEquals(partner, partnerFeed.get(0).organizationId(), "shown as the feed's organization");
            assertEquals("Anna", partnerFeed.get(0).data().get("firstName").asText());

            List<Event> everything = fixture.core().events().list(0, 100, List.of("user.updated"), null);
            assertEquals(1, everything.size(), "one event, in two feeds");
            assertEquals(acme, everything.get(0).organizationId(), "about the organization whose directory changed it");
        }
    }

    @Test
    void P25_createdAfterAndCreatedBeforeBoundTheFeedByTime() {
        try (ProvisioningFixture fixture = new ProvisioningFixture()) {
            Instant start = fixture.clock.instant().truncatedTo(ChronoUnit.MICROS);
            String first = fixture.organization("First");
            fixture.clock.advance(Duration.ofMinutes(10));
            String second = fixture.organization("Second");
            fixture.clock.advance(Duration.ofMinutes(10));
            fixture.organization("Third");
            Events events = fixture.core().events();
            List<Event> middle = events.list(new EventQuery(0, 100, List.of("organization.created"), null,
                    start.plus(Duration.ofMinutes(5)), start.plus(Duration.ofMinutes(15))));
            assertEquals(List.of(second), middle.stream().map(Event::organizationId).toList());
            List<Event> fromStart = events.list(new EventQuery(0, 100, List.of(), null, start, null));
            assertEquals(first, fromStart.get(0).organizationId(), "createdAfter includes its instant");
        }
    }

    /**
     * Two instances write events on one store while a consumer walks the feed with its cursor:
     * the walk sees every event exactly once, in strictly increasing ids, and its order is the
     * store's order.
     */
    @Test
    void P25_twoInstancesOnOneStoreGiveOneOrderThatACursorWalksWithoutSkipsOrRepeats() throws Exception {
        TestDatabase database = TestDatabases.create();
        int writersPerInstance = 3;
        int transactionsPerWriter = 40;
        try (HikariDataSource firstPool = database.dataSource(); HikariDataSource secondPool = database.dataSource()) {
            ProvisioningCore first = ProvisioningCore.builder().dataSource(firstPool).build();
            ProvisioningCore second = ProvisioningCore.builder().dataSource(secondPool).build();
            ExecutorService pool = Executors.newFixedThreadPool(2 * writersPerInstance);
            List<Future<?>> writers = new ArrayList<>();
            for (ProvisioningCore instance : List.of(first, second)) {
                for (int w = 0; w < writersPerInstance; w++) {
                    String writer = (instance == first ? "first-" : "second-") + w;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < transactionsPerWriter; i++) {
                            int n = i;
                            CoreInternals.database(instance).transaction(tx -> {
                                tx.emit("organization.created", null, null, Events.data().put("marker", writer + "-" + n + "-a"));
                                tx.emit("organization.updated", null, null, Events.data().put("marker", writer + "-" + n + "-b"));
                                return null;
                            });
                        }
                    }));
                }
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Event> walked = new ArrayList<>();
            Future<?> walker = Executors.newSingleThreadExecutor().submit(() -> {
                long after = 0;
                boolean lastRound = false;
                while (true) {
                    boolean stillWriting = writing.get();
                    List<Event> page = second.events().list(after, 7, List.of(), null);
                    walked.addAll(page);
                    if (!page.isEmpty()) {
                        after = page.get(page.size() - 1).id();
                    } else if (lastRound) {
                        return;
                    } else if (!stillWriting) {
                        lastRound = true;
                        first.events().list(0, 1, List.of(), null); // both relays have published all
                    }
                }
            });
            for (Future<?> future : writers) {
                future.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            writing.set(false);
            walker.get(120, TimeUnit.SECONDS);

            int expected = 2 * writersPerInstance * transactionsPerWriter * 2;
            Set<String> markers = new HashSet<>();
            for (int i = 0; i < walked.size(); i++) {
                assertTrue(markers.add(walked.get(i).data().get("marker").asText()), "repeated: " + walked.get(i));
                if (i > 0) {
                    assertTrue(walked.get(i).id() > walked.get(i - 1).id(), "ids grow along the walk");
                }
            }
            assertEquals(expected, walked.size(), "every event once");
            List<Long> stored = new ArrayList<>();
            long after = 0;
            for (List<Event> page; !(page = first.events().list(after, 100, List.of(), null)).isEmpty(); ) {
                page.forEach(event -> stored.add(event.id()));
                after = page.get(page.size() - 1).id();
            }
            assertEquals(stored, walked.stream().map(Event::id).toList(), "the walk saw the store's order");
            assertEquals(2 * writersPerInstance * transactionsPerWriter, walked.size() / 2);
            for (Event event : walked) {
                String marker = event.data().get("marker").asText();
                if (marker.endsWith("-a")) {
                    Event partner = walked.stream().filter(other -> other.data().get("marker").asText()
                            .equals(marker.substring(0, marker.length() - 1) + "b")).findFirst().orElseThrow();
                    assertEquals(event.id() + 1, partner.id(), "a transaction's events are consecutive");
                }
            }
            first.close();
            second.close();
        } finally {
            TestDatabases.drop(database);
        }
    }
}
