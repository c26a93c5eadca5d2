package io.scimgate.core.events;

import static io.scimgate.core.store.schema.Tables.EVENT_COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.CoreInternals;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import java.sql.Connection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A host that closes its pool before the core: the relay, stuck publishing when the pool goes, stops
 * instead of retrying against a closed pool for as long as the JVM lives. The events stay in the
 * store for the next start to publish.
 */
class EventRelayStoreClosedTest {

    @Test
    void aRelayPublishingWhenThePoolClosesStops() throws Exception {
        TestDatabase database = TestDatabases.create();
        HikariDataSource pool = database.dataSource();
        Set<Thread> before = relays();
        ProvisioningCore core = ProvisioningCore.builder().dataSource(pool).build();
        Set<Thread> started = relays();
        started.removeAll(before);
        assertEquals(1, started.size(), "the core started one relay");
        Thread relay = started.iterator().next();
        try (HikariDataSource other = database.dataSource(); Connection holder = other.getConnection()) {
            holder.setAutoCommit(false);
            // The relay numbers events under the counter's row lock: holding it keeps the relay in its publish round.
            DSL.using(holder, CoreInternals.database(core).dialect(), CoreInternals.database(core).dsl().settings()).select(EVENT_COUNTER.LAST_ID).from(EVENT_COUNTER)
                    .forUpdate().fetch();
            core.organizations().create("Closed under the relay");
            pool.close();
            relay.join(TimeUnit.SECONDS.toMillis(40));
            assertFalse(relay.isAlive(), "the relay still runs against a closed pool");
            holder.rollback();
        } finally {
            core.close();
            TestDatabases.drop(database);
        }
    }

    private static Set<Thread> relays() {
        Set<Thread> relays = new HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("scimgate-event-relay"))
                .forEach(relays::add);
        return relays;
    }
}
