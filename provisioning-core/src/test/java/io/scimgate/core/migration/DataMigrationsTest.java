package io.scimgate.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.CoreInternals;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.events.Event;
import io.scimgate.core.events.Events;
import io.scimgate.core.organization.Role;
import io.scimgate.core.store.Migrations;
import io.scimgate.core.store.StoreSchema;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** Migrations that carry existing data forward, each tested from a store of just before it. */
class DataMigrationsTest {

    /** Migrates to the last version before {@code version} (whatever other migrations exist then). */
    private static void migrateToJustBefore(String version, HikariDataSource dataSource) {
        MigrationVersion next = MigrationVersion.fromVersion(version);
        MigrationVersion last = Arrays.stream(flyway(dataSource).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(candidate -> candidate.compareTo(next) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow();
        flyway(dataSource).target(last).load().migrate();
    }

    private static FluentConfiguration flyway(HikariDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(Migrations.LOCATION).table(Migrations.HISTORY_TABLE);
    }

    /** RULES.md P26: a store from before role catalogues gets one per organization, built from the roles in use. */
    @Test
    void P26_existingRolesMigrateIntoEachOrganizationsCatalogue() throws SQLException {
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource dataSource = database.dataSource()) {
            migrateToJustBefore("50", dataSource);
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                String now = "CURRENT_TIMESTAMP";
                sql.execute("INSERT INTO organization (id, name, default_role, created_at, updated_at) VALUES "
                        + "('o1', 'Acme', 'member', " + now + ", " + now + "), ('o2', 'Globex', 'viewer', " + now + ", " + now + ")");
                sql.execute("INSERT INTO app_user (id, email, email_key, email_verified, created_at, updated_at) VALUES "
                        + "('u1', 'a@acme.com', 'a@acme.com', TRUE, " + now + ", " + now + "), "
                        + "('u2', 'b@acme.com', 'b@acme.com', TRUE, " + now + ", " + now + ")");
                sql.execute("INSERT INTO organization_membership (id, organization_id, user_id, status, role, remembered_role, "
                        + "directory_managed, created_at, updated_at) VALUES "
                        + "('m1', 'o1', 'u1', 'active', 'admin', NULL, TRUE, " + now + ", " + now + "), "
                        + "('m2', 'o1', 'u2', 'inactive', 'member', 'owner', TRUE, " + now + ", " + now + ")");
                sql.execute("INSERT INTO directory (id, organization_id, name, provider, state, created_at, updated_at) VALUES "
                        + "('d1', 'o1', 'Okta', 'okta', 'active', " + now + ", " + now + ")");
                sql.execute("INSERT INTO directory_group (id, directory_id, display_name, display_name_key, attributes, version, "
                        + "created_at, updated_at) VALUES ('g1', 'd1', 'Eng', 'eng', '{}', 1, " + now + ", " + now + ")");
                sql.execute("INSERT INTO group_role (organization_id, directory_group_id, role, priority) VALUES ('o1', 'g1', 'engineer', 5)");
            }
            ProvisioningCore core = ProvisioningCore.builder().dataSource(dataSource).build();

            assertEquals(List.of(new Role("member", "member", true), new Role("admin", "admin", false),
                    new Role("engineer", "engineer", false), new Role("owner", "owner", false)),
                    core.organizationRoles().list("o1"), "the default first, then the slugs in use in order");
            assertEquals(List.of(new Role("viewer", "viewer", true)), core.organizationRoles().list("o2"));
        } finally {
            TestDatabases.drop(database);
        }
    }

    /** P22: groups that have members when the member count arrives start with their true count. */
    @Test
    void P22_existingGroupsGetTheirMemberCount() throws SQLException {
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource dataSource = database.dataSource()) {
            migrateToJustBefore("52", dataSource);
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                String now = "CURRENT_TIMESTAMP";
                sql.execute("INSERT INTO organization (id, name, default_role, created_at, updated_at) VALUES "
                        + "('o1', 'Acme', 'member', " + now + ", " + now + ")");
                sql.execute("INSERT INTO directory (id, organization_id, name, provider, state, created_at, updated_at) VALUES "
                        + "('d1', 'o1', 'Okta', 'okta', 'active', " + now + ", " + now + ")");
                sql.execute("INSERT INTO directory_user (id, directory_id, user_name, user_name_key, active, attributes, version, "
                        + "created_at, updated_at) VALUES ('u1', 'd1', 'a', 'a', TRUE, '{}', 1, " + now + ", " + now + "), "
                        + "('u2', 'd1', 'b', 'b', TRUE, '{}', 1, " + now + ", " + now + ")");
                sql.execute("INSERT INTO directory_group (id, directory_id, display_name, display_name_key, attributes, version, "
                        + "created_at, updated_at) VALUES ('g1', 'd1', 'Eng', 'eng', '{}', 1, " + now + ", " + now + "), "
                        + "('g2', 'd1', 'Ops', 'ops', '{}', 1, " + now + ", " + now + ")");
                sql.execute("INSERT INTO directory_group_member (group_id, directory_user_id, directory_id, added_at) VALUES "
                        + "('g1', 'u1', 'd1', " + now + "), ('g1', 'u2', 'd1', " + now + ")");
            }
            ProvisioningCore core = ProvisioningCore.builder().dataSource(dataSource).build();

            assertEquals(2, core.directoryDetails().group("d1", "g1").memberCount());
            assertEquals(0, core.directoryDetails().group("d1", "g2").memberCount());
        } finally {
            TestDatabases.drop(database);
        }
    }

    /**
     * V86: a membership is written to one B-tree per distinct index (no copy H2 made for a foreign
     * key), and the foreign keys declared again still hold: an unknown role is refused, deleting a
     * User deletes its memberships.
     */
    @Test
    void membershipsKeepNoCopiedIndexAndTheirForeignKeysStillHold() throws SQLException {
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource dataSource = database.dataSource()) {
            migrateToJustBefore("86", dataSource);
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                String now = "CURRENT_TIMESTAMP";
                sql.execute("INSERT INTO organization (id, name, default_role, created_at, updated_at) VALUES "
                        + "('o1', 'Acme', 'member', " + now + ", " + now + ")");
                sql.execute("INSERT INTO organization_role (organization_id, slug, name, position, created_at, updated_at) "
                        + "VALUES ('o1', 'member', 'Member', 0, " + now + ", " + now + ")");
                sql.execute("INSERT INTO app_user (id, email, email_key, email_verified, created_at, updated_at) VALUES "
                        + "('u1', 'a@acme.com', 'a@acme.com', TRUE, " + now + ", " + now + "), "
                        + "('u2', 'b@acme.com', 'b@acme.com', TRUE, " + now + ", " + now + ")");
                sql.execute("INSERT INTO organization_membership (id, organization_id, user_id, status, role, "
                        + "directory_managed, created_at, updated_at) VALUES "
                        + "('m1', 'o1', 'u1', 'active', 'member', TRUE, " + now + ", " + now + ")");
            }
            flyway(dataSource).load().migrate();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                Map<String, List<String>> columnsByIndex = indexColumns(connection, "organization_membership");
                assertEquals(new HashSet<>(columnsByIndex.values()).size(), columnsByIndex.size(),
                        "two indexes on the same columns: " + columnsByIndex);

                SQLException unknownRole = assertThrows(SQLException.class, () -> sql.execute(
                        "INSERT INTO organization_membership (id, organization_id, user_id, status, role, directory_managed, "
                                + "created_at, updated_at) VALUES ('m2', 'o1', 'u2', 'active', 'owner', TRUE, CURRENT_TIMESTAMP, "
                                + "CURRENT_TIMESTAMP)"));
                assertTrue(unknownRole.getSQLState().startsWith("23"), unknownRole.getSQLState());
                sql.execute("DELETE FROM app_user WHERE id = 'u1'");
                try (ResultSet left = sql.executeQuery("SELECT COUNT(*) FROM organization_membership")) {
                    left.next();
                    assertEquals(0, left.getInt(1));
                }
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    /**
     * RULES.md P25, V88: the feed of a store from before the outbox reads as it did (ids, order,
     * organizations' feeds), the events it held committed but unpublished are published at start
     * after it, in the order they were written and in their audience's feeds, and the feed goes on
     * from there.
     */
    @Test
    void P25_theFeedCarriesOverIntoTheFeedTableAndItsUnpublishedEventsArePublishedAfterIt() throws Exception {
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource dataSource = database.dataSource()) {
            migrateToJustBefore("88", dataSource);
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                String at = "TIMESTAMP WITH TIME ZONE '2026-11-30 12:00:00+00:00'";
                String columns = "INSERT INTO event (id, event_type, organization_id, audience, directory_id, data, created_at) VALUES ";
                sql.execute(columns + "(1, 'organization.created', 'o1', NULL, NULL, '{\"n\":1}', " + at + "), "
                        + "(2, 'user.created', 'o1', 'o2', 'd1', '{\"n\":2}', " + at + "), "
                        + "(3, 'organization.created', 'o2', NULL, NULL, '{\"n\":3}', " + at + ")");
                sql.execute("INSERT INTO event_organization (organization_id, event_id) VALUES ('o1', 1), ('o1', 2), ('o2', 2), ('o2', 3)");
                sql.execute("UPDATE event_counter SET last_id = 3 WHERE id = 1");
                sql.execute(columns + "(NULL, 'user.updated', 'o1', 'o2', 'd1', '{\"n\":4}', " + at + ")");
                sql.execute(columns + "(NULL, 'user.deleted', 'o1', NULL, 'd1', '{\"n\":5}', " + at + ")");
            }
            ProvisioningCore core = ProvisioningCore.builder().dataSource(dataSource).build();
            try {
                List<Event> feed = core.events().list(0, 100, List.of(), null);
                for (long deadline = System.nanoTime() + 30_000_000_000L; feed.size() < 5 && System.nanoTime() < deadline; ) {
                    Thread.sleep(50);
                    feed = core.events().list(0, 100, List.of(), null);
                }
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L), feed.stream().map(Event::id).toList());
                assertEquals(List.of(1, 2, 3, 4, 5), feed.stream().map(event -> event.data().get("n").asInt()).toList());
                assertEquals(List.of("organization.created", "user.created", "organization.created", "user.updated",
                        "user.deleted"), feed.stream().map(Event::event).toList());
                assertEquals(Instant.parse("2026-11-30T12:00:00Z"), feed.get(1).createdAt());
                assertEquals("d1", feed.get(3).directoryId());
                assertEquals(List.of(2L, 3L, 4L), core.events().list(0, 100, List.of(), "o2").stream().map(Event::id).toList());
                assertEquals(List.of(2L, 4L), core.events().list(1, 100, List.of("user.created", "user.updated"), "o1")
                        .stream().map(Event::id).toList());
                CoreInternals.database(core).transaction(tx -> {
                    tx.emit("organization.updated", "o1", null, Events.data());
                    return null;
                });
                assertEquals(6, core.events().lastId());
            } finally {
                core.close();
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    /**
     * V83 first shipped with its two pruning indexes inside it (Flyway checksum -442354444), later
     * without them (they moved to V84). A store that applied the first form starts, and ends with the
     * current V83, V84 applied, and the indexes once each.
     */
    @Test
    void aStoreThatAppliedV83InItsFirstFormStartsAndAppliesV84() throws SQLException {
        TestDatabase database = TestDatabases.create();
        try (HikariDataSource dataSource = database.dataSource()) {
            flyway(dataSource).target(MigrationVersion.fromVersion("83")).load().migrate();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("CREATE INDEX directory_user_sort_change_changed_at_ix ON directory_user_sort_change (changed_at)");
                sql.execute("CREATE INDEX directory_group_sort_change_changed_at_ix ON directory_group_sort_change (changed_at)");
                sql.execute("UPDATE \"" + Migrations.HISTORY_TABLE + "\" SET \"checksum\" = -442354444 WHERE \"version\" = '83'");
            }

            Migrations.apply(dataSource, StoreSchema.CURRENT);

            Map<String, MigrationInfo> applied = new TreeMap<>();
            for (MigrationInfo migration : flyway(dataSource).load().info().applied()) {
                applied.put(migration.getVersion().getVersion(), migration);
            }
            assertTrue(applied.get("84").getState().isApplied() && applied.get("84").getState().isResolved(),
                    "V84 applied: " + applied.get("84").getState());
            assertEquals(0, flyway(dataSource).load().info().pending().length);
            flyway(dataSource).load().validate();
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(List.of(List.of("changed_at")), indexesOn(connection, "directory_user_sort_change", "changed_at"));
                assertEquals(List.of(List.of("changed_at")), indexesOn(connection, "directory_group_sort_change", "changed_at"));
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    /** The indexes of {@code table} whose first column is {@code column}, by their columns. */
    private static List<List<String>> indexesOn(Connection connection, String table, String column) throws SQLException {
        return indexColumns(connection, table).values().stream().filter(columns -> columns.get(0).equals(column)).toList();
    }

    /** The columns of each index of {@code table}, in index order. */
    private static Map<String, List<String>> indexColumns(Connection connection, String table) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        String stored = connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet index = connection.getMetaData().getIndexInfo(null, null, stored, false, false)) {
            while (index.next()) {
                if (index.getString("INDEX_NAME") != null && index.getString("COLUMN_NAME") != null) {
                    columns.computeIfAbsent(index.getString("INDEX_NAME"), name -> new ArrayList<>())
                            .add(index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }
}
