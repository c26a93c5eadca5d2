package io.scimgate.server.upgrade;

import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A store written by a tagged release through its public APIs (test resources
 * {@code upgrade/<release>/}, made by {@code upgrade/make-fixture.sh}): restored into a fresh
 * database of the store under test, with what the release's run recorded about it.
 */
final class ReleaseFixture {

    private final String release;
    private final Properties recorded = new Properties();

    ReleaseFixture(String release) {
        this.release = release;
        try (Reader reader = new java.io.InputStreamReader(resource(store() + ".properties"), StandardCharsets.UTF_8)) {
            recorded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value the release's run recorded: an id, a token, a cursor. */
    String get(String key) {
        return Objects.requireNonNull(recorded.getProperty(key), () -> "the fixture of " + release + " records no " + key);
    }

    /** The release's store in a database of its own: a copy of the H2 file, or the pg_dump loaded into a fresh PostgreSQL database. */
    TestDatabase restore() {
        return TestDatabases.store().equals(TestDatabases.POSTGRES) ? restorePostgres() : restoreH2();
    }

    private TestDatabase restoreH2() {
        try {
            Path folder = Files.createTempDirectory("scimgate-upgrade-" + release + "-");
            folder.toFile().deleteOnExit();
            try (InputStream file = resource("h2.mv.db")) {
                Files.copy(file, folder.resolve("scimgate.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            }
            return new TestDatabase(TestDatabases.H2, "jdbc:h2:file:" + folder.resolve("scimgate").toAbsolutePath(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestDatabase restorePostgres() {
        TestDatabase database = TestDatabases.create();
        String dump;
        try (InputStream sql = resource("postgres.sql")) {
            // Lines starting with a backslash are psql commands (pg_dump writes restrict and unrestrict), not SQL.
            dump = new String(sql.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\\"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(dump);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the pg_dump of " + release + ": " + e.getMessage(), e);
        }
        return database;
    }

    private InputStream resource(String name) {
        String path = "/upgrade/" + release + "/" + name;
        return Objects.requireNonNull(ReleaseFixture.class.getResourceAsStream(path), () -> "no test resource " + path);
    }

    private static String store() {
        return TestDatabases.store().equals(TestDatabases.POSTGRES) ? "postgres" : "h2";
    }
}
