package io.scimgate.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ScimgateStore;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * scimgate's tables, migrations and migration history stay apart from a host application's in the
 * same database: a schema of their own, a history table of their own, a location of their own, and
 * a store made before any of that is taken over in place. On the store under test (H2 or PostgreSQL).
 */
class StoreIsolationTest {

    /**
     * Not the test database's user name: PostgreSQL's default search_path starts with "$user", so a
     * schema named as the user becomes every connection's current schema (README says so).
     */
    private static final String SCHEMA = "scim_store";

    private TestDatabase database;
    private HikariDataSource dataSource;
    private final List<ProvisioningCore> cores = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.create();
        dataSource = database.dataSource();
    }

    @AfterEach
    void dropDatabase() {
        cores.forEach(ProvisioningCore::close);
        dataSource.close();
        TestDatabases.drop(database);
    }

    @Test
    void aNamedSchemaHoldsEveryTableAndTheHistoryAndTheCoreWorksInIt() throws SQLException {
        String organization = buildCore(SCHEMA).organizations().create("Acme").id();

        assertTrue(tables(SCHEMA).containsAll(Set.of("organization", "directory_user", Migrations.HISTORY_TABLE)), tables(SCHEMA)::toString);
        assertEquals(Set.of(), tables(null), "nothing lands in the connection's own schema");
        assertEquals(1, count(SCHEMA, "organization"));
        assertEquals("Acme", buildCore(SCHEMA).organizations().find(organization).orElseThrow().name(),
                "a second start finds the store where the first left it");
    }

    @Test
    void aHostsFlywayWithItsOwnV1StartedFirstCoexistsWithScimgatesInItsSchema() throws SQLException {
        hostFlyway().migrate();
        buildCore(SCHEMA).organizations().create("Acme");
        restartBoth();
        assertHostAndScimgateEachKeepTheirOwn(SCHEMA);
    }

    @Test
    void aHostsFlywayWithItsOwnV1StartedSecondCoexistsWithScimgatesInItsSchema() throws SQLException {
        buildCore(SCHEMA).organizations().create("Acme");
        hostFlyway().migrate();
        restartBoth();
        assertHostAndScimgateEachKeepTheirOwn(SCHEMA);
    }

    @Test
    void scimgateStartsInTheSchemaOfAHostThatMigratedFirst() throws SQLException {
        hostFlyway().migrate();
        buildCore(null).organizations().create("Acme");
        buildCore(null);
        assertHostAndScimgateEachKeepTheirOwn(null);
    }

    @Test
    void aCoreLeftUnmigratedNamesTheMissingMigrationsAndStartsOnceTheHostAppliedThem() throws SQLException {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ProvisioningCore.builder().dataSource(dataSource).schema(SCHEMA).migrate(false).build());
        assertTrue(refused.getMessage().contains("1 foundation") && refused.getMessage().contains(Migrations.LOCATION),
                refused::getMessage);
        assertEquals(Set.of(), tables(SCHEMA), "a core that does not migrate creates nothing");

        ScimgateStore.Migrated migrated = ScimgateStore.migrate(dataSource, SCHEMA);
        assertEquals(Migrations.latestVersion(dataSource, StoreSchema.of(SCHEMA)), migrated.schemaVersion());
        assertTrue(migrated.applied() > 20, () -> "applied " + migrated.applied());
        assertEquals(0, ScimgateStore.migrate(dataSource, SCHEMA).applied(), "a second run has nothing left to do");

        ProvisioningCore core = started(ProvisioningCore.builder().dataSource(dataSource).schema(SCHEMA).migrate(false));
        core.organizations().create("Acme");
        assertEquals(1, count(SCHEMA, "organization"));
    }

    @Test
    void aHostsOwnFlywayPointedAtScimgatesLocationMigratesTheStoreTheCoreThenOpens() throws SQLException {
        String schema;
        try (Connection connection = dataSource.getConnection()) {
            schema = StoreSchema.of(SCHEMA).nameIn(connection);
        }
        Flyway.configure().dataSource(dataSource).locations(ScimgateStore.MIGRATIONS_LOCATION).table(ScimgateStore.HISTORY_TABLE)
                .schemas(schema).defaultSchema(schema).load().migrate();
        hostFlyway().migrate();

        started(ProvisioningCore.builder().dataSource(dataSource).schema(SCHEMA).migrate(false)).organizations().create("Acme");
        assertHostAndScimgateEachKeepTheirOwn(SCHEMA);
    }

    @Test
    void aStoreOfTodaysMainIsTakenOverInPlaceWithItsRenumberedMigrations() throws SQLException {
        String organization = buildCore(null).organizations().create("Acme").id();
        intoTheLayoutOfAnEarlierMain();
        int applied = appliedMigrations(null);

        ProvisioningCore core = buildCore(null);

        assertEquals("Acme", core.organizations().find(organization).orElseThrow().name());
        assertFalse(tables(null).contains(LegacyHistory.TABLE), "the old history table held only scimgate's rows: dropped");
        assertEquals(applied, appliedMigrations(null), "nothing ran twice");
        assertTrue(historyHas(null, "82.3", "V82_3__directory_user_tally.sql"), "V34 is recorded as 82.3");
    }

    @Test
    void aStoreOfAMainBeforeTheRenumberedMigrationsAppliesThemInOrder() throws SQLException {
        Flyway.configure().dataSource(dataSource).locations(Migrations.LOCATION).table(LegacyHistory.TABLE).target("82").load().migrate();
        execute("INSERT INTO organization (id, name, default_role, created_at, updated_at) "
                + "VALUES ('o1', 'Acme', 'member', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        ProvisioningCore core = buildCore(null);

        assertEquals("Acme", core.organizations().find("o1").orElseThrow().name());
        assertTrue(historyHas(null, "82.1", "io.scimgate.core.migration.V82_1__code_point_collation_on_postgresql"));
        assertTrue(tables(null).contains("directory_user_tally"));
    }

    @Test
    void aHostsRowsInTheOldHistoryTableStayThereWhenScimgateTakesItsOwnOut() throws SQLException {
        buildCore(null);
        intoTheLayoutOfAnEarlierMain();
        execute("INSERT INTO " + quoted(LegacyHistory.TABLE) + " (\"installed_rank\", \"version\", \"description\", \"type\", "
                + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "VALUES (1000, '90', 'host accounts', 'SQL', 'V90__host_accounts.sql', 1, 'host', 1, TRUE)");

        buildCore(null);

        assertEquals(List.of("V90__host_accounts.sql"), scripts(null, LegacyHistory.TABLE), "only the host's row is left in the old table");
        assertFalse(historyHas(null, "90", "V90__host_accounts.sql"), "the host's migration is not scimgate's");
    }

    @Test
    void aNamedSchemaBesideAStoreInTheConnectionsSchemaIsRefusedRatherThanStartedEmpty() throws SQLException {
        buildCore(null).organizations().create("Acme");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> buildCore(SCHEMA));
        assertTrue(refused.getMessage().contains("SCIMGATE_DB_SCHEMA"), refused::getMessage);
        assertEquals(Set.of(), tables(SCHEMA));
    }

    @Test
    void aSchemaNameThatIsNoPlainIdentifierIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProvisioningCore.builder().schema("scim\"gate; DROP"));
        assertTrue(refused.getMessage().contains("scim\"gate; DROP"), refused::getMessage);
    }

    private ProvisioningCore buildCore(String schema) {
        return started(ProvisioningCore.builder().dataSource(dataSource).schema(schema));
    }

    private ProvisioningCore started(ProvisioningCore.Builder builder) {
        ProvisioningCore core = builder.build();
        cores.add(core);
        return core;
    }

    private Flyway hostFlyway() {
        return Flyway.configure().dataSource(dataSource).load();
    }

    private void restartBoth() {
        hostFlyway().migrate();
        buildCore(SCHEMA);
    }

    private void assertHostAndScimgateEachKeepTheirOwn(String scimgateSchema) throws SQLException {
        assertEquals(1, count(null, "host_account"));
        assertEquals(1, count(scimgateSchema, "organization"));
        assertEquals(List.of("V1__host_accounts.sql"), scripts(null, LegacyHistory.TABLE), "the host's history holds the host's V1 only");
        List<String> ours = scripts(scimgateSchema, Migrations.HISTORY_TABLE);
        assertTrue(ours.contains("V1__foundation.sql") && !ours.contains("V1__host_accounts.sql"), ours::toString);
        assertEquals(0, hostFlyway().info().pending().length, "the host's Flyway has nothing left to apply");
    }

    /**
     * The layout today's main left: the history in Flyway's default table, with the migrations
     * now numbered 82.1–82.3 under their old numbers and names.
     */
    private void intoTheLayoutOfAnEarlierMain() throws SQLException {
        execute("CREATE TABLE " + quoted(LegacyHistory.TABLE) + " AS SELECT * FROM " + quoted(Migrations.HISTORY_TABLE));
        execute("DROP TABLE " + quoted(Migrations.HISTORY_TABLE));
        execute("UPDATE " + quoted(LegacyHistory.TABLE) + " SET \"version\" = '32', "
                + "\"script\" = 'db.migration.V32__code_point_collation_on_postgresql' WHERE \"version\" = '82.1'");
        execute("UPDATE " + quoted(LegacyHistory.TABLE) + " SET \"version\" = '33', \"script\" = 'V33__list_order_indexes.sql' "
                + "WHERE \"version\" = '82.2'");
        execute("UPDATE " + quoted(LegacyHistory.TABLE) + " SET \"version\" = '34', \"script\" = 'V34__directory_user_tally.sql' "
                + "WHERE \"version\" = '82.3'");
    }

    private Set<String> tables(String schema) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, StoreSchema.of(schema).nameIn(connection), "%",
                        new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }

    private int count(String schema, String table) throws SQLException {
        return Integer.parseInt(query("SELECT COUNT(*) FROM " + table(schema, table)).get(0));
    }

    private int appliedMigrations(String schema) throws SQLException {
        return scripts(schema, currentHistory(schema)).size();
    }

    private String currentHistory(String schema) throws SQLException {
        return tables(schema).contains(Migrations.HISTORY_TABLE) ? Migrations.HISTORY_TABLE : LegacyHistory.TABLE;
    }

    private boolean historyHas(String schema, String version, String script) throws SQLException {
        return query("SELECT \"script\" FROM " + table(schema, Migrations.HISTORY_TABLE) + " WHERE \"version\" = '" + version
                + "' AND \"success\"").contains(script);
    }

    private List<String> scripts(String schema, String historyTable) throws SQLException {
        return query("SELECT \"script\" FROM " + table(schema, historyTable) + " WHERE \"type\" IN ('SQL', 'JDBC') AND \"success\" "
                + "ORDER BY \"installed_rank\"");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> firstColumn = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                firstColumn.add(rows.getString(1));
            }
        }
        return firstColumn;
    }

    /** A table of ours or the host's: history tables are named in lower case (quoted), the rest unquoted. */
    private String table(String schema, String table) throws SQLException {
        boolean history = table.equals(Migrations.HISTORY_TABLE) || table.equals(LegacyHistory.TABLE);
        String name = history ? quoted(table) : table;
        if (schema == null) {
            return name;
        }
        try (Connection connection = dataSource.getConnection()) {
            return StoreSchema.quote(StoreSchema.of(schema).nameIn(connection)) + "." + name;
        }
    }

    private static String quoted(String table) {
        return StoreSchema.quote(table);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
