package io.scimgate.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Takes over the migration history of a store made by v0.1.0 or an earlier main, which Flyway kept
 * in its default table {@code flyway_schema_history}: scimgate's rows move into
 * {@link Migrations#HISTORY_TABLE}, the three migrations that were numbered 32–34 under their new
 * numbers 82.1–82.3 (above every other migration, so that a store that had 40–82 but not them
 * applies them in order), and the old table is dropped when nothing else is left in it (a host's
 * own rows stay where they are). Runs once: only while scimgate's own table is missing or empty.
 */
final class LegacyHistory {

    static final String TABLE = "flyway_schema_history";
    private static final String FIRST_SCRIPT = "V1__foundation.sql";
    private static final String COLUMNS = "\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
            + "\"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\"";

    /** Migrations renumbered above V82 after they had run on stores of main: old script, new version and script. */
    private static final Map<String, Renumbered> RENUMBERED = Map.of(
            "db.migration.V32__code_point_collation_on_postgresql",
            new Renumbered("82.1", "io.scimgate.core.migration.V82_1__code_point_collation_on_postgresql"),
            "V33__list_order_indexes.sql", new Renumbered("82.2", "V82_2__list_order_indexes.sql"),
            "V34__directory_user_tally.sql", new Renumbered("82.3", "V82_3__directory_user_tally.sql"));

    private record Renumbered(String version, String script) {
    }

    private LegacyHistory() {
    }

    static void adopt(DataSource dataSource, StoreSchema schema, MigrationInfo[] known) {
        try (Connection connection = dataSource.getConnection()) {
            String schemaName = schema.nameIn(connection);
            refuseToStartBesideAnUnnamedStore(connection, schema, schemaName);
            if (!exists(connection, schemaName, TABLE) || !hasScimgateFoundation(connection, schema)
                    || exists(connection, schemaName, Migrations.HISTORY_TABLE) && rows(connection, schema) > 0) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                move(connection, schema, schemaName, scriptsOf(known));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take over the store's migration history from " + TABLE + ": " + e.getMessage(), e);
        }
    }

    /**
     * A schema named for a store whose tables are still in the connection's current schema would
     * start empty beside them, as though everything were lost: refused, saying where they are.
     */
    private static void refuseToStartBesideAnUnnamedStore(Connection connection, StoreSchema schema, String schemaName)
            throws SQLException {
        String current = connection.getSchema();
        if (schema.isCurrent() || schemaName.equals(current) || exists(connection, schemaName, Migrations.HISTORY_TABLE)) {
            return;
        }
        if (exists(connection, current, Migrations.HISTORY_TABLE)
                || exists(connection, current, TABLE) && hasScimgateFoundation(connection, StoreSchema.CURRENT)) {
            throw new IllegalStateException("The store's tables are in the schema " + current + ", not in " + schemaName
                    + ": leave the store schema unset (SCIMGATE_DB_SCHEMA) to use them there, or move them first");
        }
    }

    private static void move(Connection connection, StoreSchema schema, String schemaName, Set<String> ours) throws SQLException {
        String legacy = schema.qualify(connection, TABLE);
        String history = schema.qualify(connection, Migrations.HISTORY_TABLE);
        if (!exists(connection, schemaName, Migrations.HISTORY_TABLE)) {
            createHistoryTable(connection, history);
        }
        List<Integer> moved = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + legacy + " ORDER BY \"installed_rank\"");
                PreparedStatement write = connection.prepareStatement("INSERT INTO " + history + " (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                String script = rows.getString("script");
                Renumbered renumbered = RENUMBERED.get(script);
                if (renumbered == null && !ours.contains(script)) {
                    continue;
                }
                for (int column = 1; column <= 10; column++) {
                    write.setObject(column, rows.getObject(column));
                }
                if (renumbered != null) {
                    write.setString(2, renumbered.version());
                    write.setString(5, renumbered.script());
                }
                write.executeUpdate();
                moved.add(rows.getInt("installed_rank"));
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + legacy + " WHERE \"installed_rank\" = ?")) {
            for (int rank : moved) {
                delete.setInt(1, rank);
                delete.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement();
                // Rows of Flyway's own bookkeeping (the table's or a schema's creation) are nobody's migrations.
                ResultSet left = statement.executeQuery("SELECT COUNT(*) FROM " + legacy + " WHERE \"type\" NOT IN ('TABLE', 'SCHEMA')")) {
            left.next();
            if (left.getInt(1) == 0) {
                statement.execute("DROP TABLE " + legacy);
            }
        }
    }

    /** The table as Flyway makes it (same columns, key and index), so that Flyway carries on with it. */
    private static void createHistoryTable(Connection connection, String history) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + history + " ("
                    + "\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL, "
                    + "\"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT, "
                    + "\"installed_by\" VARCHAR(100) NOT NULL, \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, "
                    + "\"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL, "
                    + "CONSTRAINT \"" + Migrations.HISTORY_TABLE + "_pk\" PRIMARY KEY (\"installed_rank\"))");
            statement.execute("CREATE INDEX \"" + Migrations.HISTORY_TABLE + "_s_idx\" ON " + history + " (\"success\")");
        }
    }

    private static Set<String> scriptsOf(MigrationInfo[] known) {
        Set<String> scripts = new HashSet<>();
        Arrays.stream(known).forEach(migration -> scripts.add(migration.getScript()));
        return scripts;
    }

    private static boolean hasScimgateFoundation(Connection connection, StoreSchema schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + schema.qualify(connection, TABLE) + " WHERE \"script\" = ? AND \"success\"")) {
            query.setString(1, FIRST_SCRIPT);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getInt(1) > 0;
            }
        }
    }

    private static int rows(Connection connection, StoreSchema schema) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + schema.qualify(connection, Migrations.HISTORY_TABLE))) {
            result.next();
            return result.getInt(1);
        }
    }

    private static boolean exists(Connection connection, String schemaName, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, schemaName, table, null)) {
            return tables.next();
        }
    }
}
