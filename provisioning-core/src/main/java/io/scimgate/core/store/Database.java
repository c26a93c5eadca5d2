package io.scimgate.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The store: a jOOQ context over H2 or PostgreSQL, with the schema migrated by Flyway.
 * The same generated code runs on both; names are rendered unquoted so that the
 * lower-case identifiers of the migrations resolve on either database.
 */
public final class Database {

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final DSLContext dsl;
    private volatile Outbox outbox = Outbox.NONE;

    private Database(DataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(dialect)
                .set(settings));
    }

    /** Applies pending migrations, then opens the store. */
    public static Database migrateAndOpen(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new Database(dataSource, dialectOf(dataSource));
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

    /** Sets where the events emitted in transactions go; done once, when the core is built. */
    public void useOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Runs {@code work} in one transaction: its changes and the events it emits commit together
     * when work returns, and nothing stays when it throws. Runtime exceptions thrown by work reach
     * the caller as they were thrown.
     */
    public <T> T transaction(Function<Tx, T> work) {
        Runnable[] afterCommit = new Runnable[1];
        T result;
        try {
            result = dsl.transactionResult(configuration -> {
                Tx tx = new Tx(configuration.dsl());
                T value = work.apply(tx);
                afterCommit[0] = outbox.write(configuration.dsl(), tx.events());
                return value;
            });
        } catch (RuntimeException e) {
            throw Unwrap.ownException(e);
        }
        afterCommit[0].run();
        return result;
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
