package io.scimgate.core.instance;

import static io.scimgate.core.store.schema.Tables.SERVER_INSTANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.testing.TestCore;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instances sharing a store count each other through their heartbeats. */
class InstanceHeartbeatTest {

    private final TestCore test = TestCore.start();

    @AfterEach
    void stop() {
        test.close();
    }

    /** Two instances on one PostgreSQL store; on H2 (one process per file) the count stays 1. */
    @Test
    void instancesOnOneStoreSeeEachOtherAndOneThatStopsIsNoLongerCounted() {
        int two = test.database().isPostgres() ? 2 : 1;
        InstanceHeartbeat first = new InstanceHeartbeat(CoreInternals.database(test.core()));
        InstanceHeartbeat second = new InstanceHeartbeat(CoreInternals.database(test.core()));
        assertEquals(1, first.liveInstances(), "alone until it has beaten");

        first.start();
        assertEquals(1, first.liveInstances());
        second.start();
        assertEquals(two, second.liveInstances());
        first.beat();
        assertEquals(two, first.liveInstances());

        second.close();
        first.beat();
        assertEquals(1, first.liveInstances());
        first.close();
    }

    @Test
    void anInstanceSilentForLongerThanTheLiveWindowIsNotCounted() {
        InstanceHeartbeat alive = new InstanceHeartbeat(CoreInternals.database(test.core()));
        alive.beat();
        CoreInternals.database(test.core()).dsl().insertInto(SERVER_INSTANCE)
                .set(SERVER_INSTANCE.ID, "crashed")
                .set(SERVER_INSTANCE.STARTED_AT, OffsetDateTime.now().minusHours(2))
                .set(SERVER_INSTANCE.SEEN_AT, OffsetDateTime.now().minusMinutes(1))
                .execute();

        alive.beat();

        assertEquals(1, alive.liveInstances());
    }
}
