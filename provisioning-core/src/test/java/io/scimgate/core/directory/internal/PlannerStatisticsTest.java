package io.scimgate.core.directory.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.testing.ProvisioningFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlannerStatisticsTest {

    private ProvisioningFixture f;
    private Database database;

    @BeforeEach
    void start() {
        f = new ProvisioningFixture();
        database = CoreInternals.database(f.core());
    }

    @AfterEach
    void close() {
        f.close();
    }

    /**
     * A directory created after the last ANALYZE and filled at once is one row to PostgreSQL's
     * planner until the statistics are taken again: the core takes them once 1,000 users were
     * created, and again for a group once 1,000 members were added.
     */
    @Test
    void aDirectoryAndAGroupThatGrowFastAreAnalyzedForPostgresPlanner() {
        boolean postgres = PlannerStatistics.isNeededFor(database);
        assertEquals(postgres, Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("scimgate-planner-statistics")),
                "the statistics are kept by the core on PostgreSQL only (H2 analyzes a table itself)");
        String acme = f.organization("Acme", "acme.com");
        String directory = f.directory(acme);
        DSLContext dsl = database.dsl();
        if (postgres) {
            // Autovacuum would analyze these small tables within its minute too; this test is about the core.
            dsl.execute("alter table {0} set (autovacuum_enabled = false)", DIRECTORY_USER);
            dsl.execute("alter table {0} set (autovacuum_enabled = false)", DIRECTORY_GROUP_MEMBER);
            dsl.execute("analyze {0}", DIRECTORY_USER);
            dsl.execute("analyze {0}", DIRECTORY_GROUP_MEMBER);
            assertTrue(expected(dsl, users(directory)) < 10, "the new directory is (almost) empty to the planner");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PlannerStatistics.FIRST_CHECK; i++) {
            ids.add(f.push(directory, ProvisioningFixture.person("person" + i + "@acme.com")).id());
        }
        String group = f.core().directoryGroups().create(directory, new DirectoryGroupData("Everyone", null, "{}"),
                List.of()).id();
        f.core().directoryGroups().update(directory, group, null, edit -> edit.addMembers(ids));
        if (postgres) {
            awaitAtLeast(() -> expected(dsl, users(directory)), PlannerStatistics.FIRST_CHECK / 2);
            awaitAtLeast(() -> expected(dsl, members(group)), PlannerStatistics.FIRST_CHECK / 2);
        } else {
            assertFalse(PlannerStatistics.isNeededFor(database));
        }
    }

    private static Select<?> users(String directoryId) {
        return DSL.selectOne().from(DIRECTORY_USER).where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId));
    }

    private static Select<?> members(String groupId) {
        return DSL.selectOne().from(DIRECTORY_GROUP_MEMBER).where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(groupId));
    }

    private static long expected(DSLContext dsl, Select<?> select) {
        return Math.round(dsl.explain(select).rows());
    }

    private static void awaitAtLeast(LongSupplier expected, long atLeast) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long last = expected.getAsLong();
        while (last < atLeast && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = expected.getAsLong();
        }
        assertTrue(last >= atLeast, "the planner expects " + last + " rows, not at least " + atLeast);
    }
}
