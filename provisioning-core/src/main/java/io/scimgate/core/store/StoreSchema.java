package io.scimgate.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The database schema that holds scimgate's tables and migration history: a named one of its own
 * (e.g. {@code scimgate}), or, when none is named, the connection's current schema (PUBLIC on H2,
 * {@code public} on PostgreSQL), where every store made before the setting existed has its tables.
 *
 * <p>A name is a plain SQL identifier, folded as the database folds unquoted names (upper case on
 * H2, lower case on PostgreSQL): Flyway quotes what it is given while jOOQ renders names unquoted,
 * and both must reach the same schema.
 */
public record StoreSchema(String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** The connection's current schema: the layout of every store made before schemas could be named. */
    public static final StoreSchema CURRENT = new StoreSchema(null);

    public StoreSchema {
        if (name != null && !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("The store schema '" + name
                    + "' is not a plain SQL identifier (letters, digits and _, not starting with a digit, at most 63)");
        }
    }

    /** {@code name}, or {@link #CURRENT} when it is null or blank. */
    public static StoreSchema of(String name) {
        return name == null || name.isBlank() ? CURRENT : new StoreSchema(name.trim());
    }

    public boolean isCurrent() {
        return name == null;
    }

    /** The name as the database stores it, or the connection's current schema. */
    public String nameIn(Connection connection) throws SQLException {
        if (name == null) {
            return connection.getSchema();
        }
        return connection.getMetaData().storesUpperCaseIdentifiers()
                ? name.toUpperCase(Locale.ROOT)
                : name.toLowerCase(Locale.ROOT);
    }

    /** {@code table} quoted, and qualified with the schema when one is named. */
    String qualify(Connection connection, String table) throws SQLException {
        return name == null ? quote(table) : quote(nameIn(connection)) + "." + quote(table);
    }

    static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    public String toString() {
        return name == null ? "the connection's current schema" : name;
    }
}
