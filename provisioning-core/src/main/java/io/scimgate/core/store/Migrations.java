package io.scimgate.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * scimgate's Flyway migrations: at a location and with a history table of their own, so that a
 * host application's Flyway (default {@code db/migration}, {@code flyway_schema_history}) in the
 * same database neither sees nor clashes with them; applying them, and telling whether a store has them.
 */
public final class Migrations {

    /** Where the migrations are on the classpath; a host's own Flyway can be pointed at it. */
    public static final String LOCATION = "classpath:io/scimgate/core/migration";
    /** The table recording which of them a store has, in the store's schema. */
    public static final String HISTORY_TABLE = "scimgate_schema_history";

    private Migrations() {
    }

    /** What a migration run did: how many migrations it applied, and the schema version it left. */
    public record Applied(int count, String schemaVersion) {
    }

    /**
     * Applies the pending migrations in {@code schema} (created when missing), after taking over
     * the history of a store made before the history table was scimgate's own, and bringing a store
 * that applied V83 in its first form to the current one ({@link SortHistoryFirstForm}). A migration that
     * fails leaves the store as it was before it (each runs in a transaction).
     */
    public static Applied apply(DataSource dataSource, StoreSchema schema) {
        Flyway flyway = flyway(dataSource, schema);
        MigrationInfo[] known = flyway.info().all();
        LegacyHistory.adopt(dataSource, schema, known);
        SortHistoryFirstForm.reconcile(dataSource, schema, known);
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Applied(result.migrationsExecuted, version);
    }

    /**
     * Fails, saying what is missing, unless every migration this code knows is applied in
     * {@code schema}: for a core started with migrations left to the host.
     */
    public static void requireApplied(DataSource dataSource, StoreSchema schema) {
        List<String> pending = Arrays.stream(flyway(dataSource, schema).info().pending())
                .map(migration -> migration.getVersion() + " " + migration.getDescription())
                .toList();
        if (!pending.isEmpty()) {
            throw new IllegalStateException("The store (schema: " + schema + ") lacks scimgate's migrations " + pending
                    + "; apply them (ScimgateStore.migrate, `scimgate migrate`, or Flyway with locations "
                    + LOCATION + " and table " + HISTORY_TABLE + ") or let the core migrate at build");
        }
    }

    /** The newest migration this code knows, e.g. {@code 82.3}. */
    public static String latestVersion(DataSource dataSource, StoreSchema schema) {
        MigrationInfo[] all = flyway(dataSource, schema).info().all();
        return all.length == 0 ? null : all[all.length - 1].getVersion().getVersion();
    }

    /** One cheap query: whether migration {@code version} is recorded as applied in the store. */
    public static boolean isApplied(Connection connection, StoreSchema schema, String version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                // Quoted: Flyway names its table and columns in lower case on H2 too.
                "SELECT COUNT(*) FROM " + schema.qualify(connection, HISTORY_TABLE) + " WHERE \"version\" = ? AND \"success\"")) {
            query.setString(1, version);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getInt(1) > 0;
            }
        }
    }

    private static Flyway flyway(DataSource dataSource, StoreSchema schema) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // A schema that already holds a host's tables (scimgate sharing it) gets a version-0
                // baseline, under every migration of ours, so that all of them still run.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("scimgate in a schema with other tables");
        if (!schema.isCurrent()) {
            String name = nameIn(dataSource, schema);
            configuration.schemas(name).defaultSchema(name).createSchemas(true);
        }
        return configuration.load();
    }

    private static String nameIn(DataSource dataSource, StoreSchema schema) {
        try (Connection connection = dataSource.getConnection()) {
            return schema.nameIn(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
