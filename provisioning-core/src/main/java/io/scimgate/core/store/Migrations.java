package io.scimgate.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** The schema's Flyway migrations ({@code db/migration}): applying them, and telling whether a store has them. */
public final class Migrations {

    private Migrations() {
    }

    /** What a migration run did: how many migrations it applied, and the schema version it left. */
    public record Applied(int count, String schemaVersion) {
    }

    /** Applies the pending migrations; a migration that fails leaves the store as it was before it (each runs in a transaction). */
    public static Applied apply(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Applied(result.migrationsExecuted, version);
    }

    /** The newest migration this code knows, e.g. {@code 70}. */
    public static String latestVersion(DataSource dataSource) {
        MigrationInfo[] all = flyway(dataSource).info().all();
        return all.length == 0 ? null : all[all.length - 1].getVersion().getVersion();
    }

    /** One cheap query: whether migration {@code version} is recorded as applied in the store. */
    public static boolean isApplied(Connection connection, String version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                // Quoted: Flyway names its table and columns in lower case on H2 too.
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = ? AND \"success\"")) {
            query.setString(1, version);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getInt(1) > 0;
            }
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
