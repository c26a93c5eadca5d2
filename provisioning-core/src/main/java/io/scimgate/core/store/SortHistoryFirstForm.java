package io.scimgate.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;

/**
 * V83 (the sort history) reached released stores in two forms: first with its two {@code changed_at}
 * pruning indexes inside it, then without them, the indexes moved into V84. A store that applied the
 * first form records another checksum for V83 (Flyway would refuse to start) and already has the
 * indexes V84 creates (V84 would fail). Such a store is brought to the second form: its two indexes
 * are dropped and its V83 checksum becomes the current one, so Flyway then applies V84, which
 * creates them again. Idempotent: a failure half-way is finished at the next start.
 */
final class SortHistoryFirstForm {

    /** Flyway's checksum of {@code V83__sort_history.sql} as it first shipped, with the indexes. */
    static final int FIRST_FORM_CHECKSUM = -442354444;
    private static final String VERSION = "83";
    private static final String[] PRUNING_INDEXES = {
            "directory_user_sort_change_changed_at_ix", "directory_group_sort_change_changed_at_ix"};

    private SortHistoryFirstForm() {
    }

    static void reconcile(DataSource dataSource, StoreSchema schema, MigrationInfo[] known) {
        Integer current = Arrays.stream(known)
                .filter(migration -> migration.getVersion() != null && VERSION.equals(migration.getVersion().getVersion()))
                .map(MigrationInfo::getResolvedChecksum)
                .findFirst().orElse(null);
        if (current == null || current == FIRST_FORM_CHECKSUM) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!hasFirstForm(connection, schema)) {
                return;
            }
            // Created unquoted: H2 keeps such names in upper case, PostgreSQL in lower case.
            boolean upperCase = connection.getMetaData().storesUpperCaseIdentifiers();
            try (Statement statement = connection.createStatement()) {
                for (String index : PRUNING_INDEXES) {
                    statement.execute("DROP INDEX IF EXISTS "
                            + schema.qualify(connection, upperCase ? index.toUpperCase(Locale.ROOT) : index));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + history(connection, schema)
                    + " SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
                update.setInt(1, current);
                update.setString(2, VERSION);
                update.setInt(3, FIRST_FORM_CHECKSUM);
                update.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot bring the store's sort history migration (V83) to its current form: "
                    + e.getMessage(), e);
        }
    }

    private static boolean hasFirstForm(Connection connection, StoreSchema schema) throws SQLException {
        String schemaName = schema.nameIn(connection);
        try (ResultSet tables = connection.getMetaData().getTables(null, schemaName, Migrations.HISTORY_TABLE, null)) {
            if (!tables.next()) {
                return false;
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + history(connection, schema)
                + " WHERE \"version\" = ? AND \"checksum\" = ? AND \"success\"")) {
            query.setString(1, VERSION);
            query.setInt(2, FIRST_FORM_CHECKSUM);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getInt(1) > 0;
            }
        }
    }

    private static String history(Connection connection, StoreSchema schema) throws SQLException {
        return schema.qualify(connection, Migrations.HISTORY_TABLE);
    }
}
