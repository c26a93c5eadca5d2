package io.scimgate.core.store.internal;

import io.scimgate.core.store.Migrations;
import io.scimgate.core.store.StoreSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: a jOOQ context over H2 or PostgreSQL, with the schema migrated by Flyway.
 * The same generated code runs on both; names are rendered unquoted so that the
 * lower-case identifiers of the migrations resolve on either database.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 8;

    private final DataSource dataSource;
    private final StoreSchema schema;
    private final SQLDialect dialect;
    private final DSLContext dsl;
    private volatile Outbox outbox = Outbox.NONE;
    private final List<Consumer<String>> tenantListeners = new CopyOnWriteArrayList<>();

    private Database(DataSource dataSource, StoreSchema schema, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.dialect = dialect;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        if (!schema.isCurrent()) {
            // The generated tables have no schema (they render unqualified); a named one qualifies them all.
            settings.withRenderMapping(new RenderMapping().withSchemata(new MappedSchema().withInput("").withOutput(schema.name())));
        }
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(dialect)
                .set(settings));
    }

    /** Applies pending migrations in {@code schema}, then opens the store there. */
    public static Database migrateAndOpen(DataSource dataSource, StoreSchema schema) {
        Migrations.apply(dataSource, schema);
        return new Database(dataSource, schema, dialectOf(dataSource));
    }

    /** Opens a store whose migrations someone else applied; fails, saying which, when any is missing. */
    public static Database openMigrated(DataSource dataSource, StoreSchema schema) {
        Migrations.requireApplied(dataSource, schema);
        return new Database(dataSource, schema, dialectOf(dataSource));
    }

    /** The schema holding the store's tables. */
    public StoreSchema schema() {
        return schema;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Told after commit of each transaction that called {@link Tx#tenantChanged}, with the id it named. */
    public void onTenantChange(Consumer<String> listener) {
        tenantListeners.add(listener);
    }

    private void tenantChanged(String id) {
        tenantListeners.forEach(listener -> listener.accept(id));
    }

    /** Sets where the events emitted in transactions go; done once, when the core is built. */
    public void useOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Runs {@code work} in one transaction: its changes and the events it emits commit together
     * when work returns, and nothing stays when it throws. Runtime exceptions thrown by work reach
     * the caller as they were thrown. When the transaction loses a race it can only see the end of
     * after the winner commits (a {@link RetryableConflict}, a deadlock, a serialization failure),
     * work runs again from the start in a new transaction.
     */
    public <T> T transaction(Function<Tx, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work);
            } catch (RuntimeException e) {
                RuntimeException own = Unwrap.ownException(e);
                if (attempt >= MAX_ATTEMPTS || !isRetryable(own)) {
                    throw own;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Runs reads that must see every table they read as of one moment, as one statement joining a
     * table and the rows other transactions write beside it (a cursor walk's page: the resources and
     * their sort history). PostgreSQL gives every statement one snapshot at READ COMMITTED. H2 2.x
     * does not: at READ COMMITTED a statement snapshots together only the tables it lists among its
     * dependencies and reads any other (one behind a derived table or a subquery) as of the moment it
     * first touches it, so a change committed meanwhile can be half seen. On H2 the reads run in a
     * SERIALIZABLE transaction, whose first statement snapshots every table at once; nothing is
     * written, and the connection returns to the pool as it was.
     *
     * <p>The transaction ends with a commit, which has nothing to write: an H2 rollback empties the
     * session's cache of parsed statements, so every statement the pooled connection ran next was
     * parsed and planned again (BENCHMARKS.md, fifth pass). It rolls back only when the reads fail.
     */
    public <T> T readInOneSnapshot(Function<DSLContext, T> reads) {
        if (dialect.family() != SQLDialect.H2) {
            return reads.apply(dsl);
        }
        return dsl.connectionResult(connection -> {
            int isolation = connection.getTransactionIsolation();
            boolean autoCommit = connection.getAutoCommit();
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            connection.setAutoCommit(false);
            boolean read = false;
            try {
                T result = reads.apply(dsl.configuration().derive(connection).dsl());
                read = true;
                return result;
            } finally {
                if (read) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        });
    }

    private <T> T runOnce(Function<Tx, T> work) {
        Tx[] done = new Tx[1];
        Tx[] open = new Tx[1];
        Runnable[] delivery = new Runnable[1];
        T result;
        try {
            result = dsl.transactionResult(configuration -> {
                Tx tx = new Tx(configuration.dsl(), this::tenantChanged);
                open[0] = tx;
                T value = work.apply(tx);
                delivery[0] = outbox.write(configuration.dsl(), tx.events());
                done[0] = tx;
                return value;
            });
        } finally {
            if (open[0] != null) {
                open[0].ended();
            }
        }
        delivery[0].run();
        for (Runnable action : done[0].afterCommitActions()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("An after-commit action failed; the change itself is committed", e);
            }
        }
        return result;
    }

    private static boolean isRetryable(RuntimeException e) {
        if (e instanceof RetryableConflict) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = String.valueOf(sql.getSQLState());
                // 40001 serialization failure, 40P01 deadlock (PostgreSQL); H2: 40001 deadlock,
                // HYT00 lock timeout, 90131 concurrent update of the same row.
                if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || sql.getErrorCode() == 90131) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a transaction", e);
        }
    }

    private static SQLDialect dialectOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                return SQLDialect.POSTGRES;
            }
            if (product.contains("h2")) {
                return SQLDialect.H2;
            }
            throw new IllegalStateException("Unsupported database: " + product + " (use H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
