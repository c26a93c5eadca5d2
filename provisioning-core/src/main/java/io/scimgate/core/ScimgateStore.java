package io.scimgate.core;

import io.scimgate.core.store.Migrations;
import io.scimgate.core.store.StoreSchema;
import javax.sql.DataSource;

/**
 * scimgate's schema migrations for a host that applies them itself, before building the core with
 * {@code ProvisioningCore.builder().schema(schema).migrate(false)}: call {@link #migrate}, or point
 * the host's own Flyway at {@link #MIGRATIONS_LOCATION} with the table {@link #HISTORY_TABLE} in
 * that schema (a Flyway instance of its own, beside the host's: the two histories stay apart).
 */
public final class ScimgateStore {

    /** The classpath location of the migrations. */
    public static final String MIGRATIONS_LOCATION = Migrations.LOCATION;
    /** The migration history table, in the store's schema. */
    public static final String HISTORY_TABLE = Migrations.HISTORY_TABLE;

    private ScimgateStore() {
    }

    /** What a run did: how many migrations it applied, and the schema version it left. */
    public record Migrated(int applied, String schemaVersion) {
    }

    /**
     * Applies scimgate's pending migrations in {@code schema} (null: the connection's current
     * schema), creating it when missing; a store made by an earlier version is taken over as it is.
     */
    public static Migrated migrate(DataSource dataSource, String schema) {
        Migrations.Applied applied = Migrations.apply(dataSource, StoreSchema.of(schema));
        return new Migrated(applied.count(), applied.schemaVersion());
    }
}
