package io.scimgate.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** Builds the connection pool for a JDBC URL: an embedded H2 file or a PostgreSQL server. */
public final class DataSources {

    private DataSources() {
    }

    public static HikariDataSource pooled(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setPoolName("scimgate");
        config.setMaximumPoolSize(isH2(jdbcUrl) ? 8 : 16);
        if (isPostgres(jdbcUrl)) {
            POSTGRES_DRIVER_DEFAULTS.forEach((name, value) -> {
                if (!jdbcUrl.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=")) {
                    config.addDataSourceProperty(name, value);
                }
            });
        }
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * H2 settings for a file store, each added unless the operator set it explicitly. H2 delays writing
     * committed transactions by 500 ms; a server that answered 201 must not lose the row to a
     * kill -9, so WRITE_DELAY=0. H2 closes the database from its own JVM shutdown hook, which on
     * SIGTERM would fail the requests a graceful shutdown is still finishing, so
     * DB_CLOSE_ON_EXIT=FALSE: the pool closes it, last. A statement cache sized to the store, and
     * smaller B-tree pages.
     */
    static String durable(String jdbcUrl) {
        if (!isH2(jdbcUrl) || jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            return jdbcUrl;
        }
        String url = jdbcUrl;
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        if (!upper.contains("WRITE_DELAY")) {
            url += ";WRITE_DELAY=0";
        }
        if (!upper.contains("DB_CLOSE_ON_EXIT")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        // H2 keeps 8 parsed statements per connection by default, and parsed the store's statements
        // again on nearly every execution. But the first write to each table in a transaction makes
        // H2 walk the expression tree of every query in the connection's cache, whether or not it
        // holds a result, so the cache is kept to what one connection's recent work repeats
        // (H2_QUERY_CACHE_SIZE).
        if (!upper.contains("QUERY_CACHE_SIZE")) {
            url += ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
        }
        // With WRITE_DELAY=0 every commit writes each B-tree page the transaction changed, whole; a
        // create changes pages of about forty B-trees. H2 splits pages at 16 KB by default; split at
        // 4 KB they are a quarter as large to write, for about one level more in the largest trees,
        // and a create writes half the bytes (BENCHMARKS.md, sixth pass). H2 reads the setting at
        // every open and applies it to pages as they split, so an existing store takes it on as it
        // is written.
        if (!upper.contains("PAGE_SIZE")) {
            url += ";PAGE_SIZE=" + H2_PAGE_SPLIT_SIZE;
        }
        return url;
    }

    /** The size in bytes at which H2 splits a B-tree page of a file store (H2's default: 16384). */
    static final int H2_PAGE_SPLIT_SIZE = 4096;

    /**
     * Parsed statements H2 keeps per connection (least recently used go first). H2 2.5 walks every
     * cached query at the first write to each table of a transaction (a create writes six tables);
     * with 256 the reads' statements (pages with IN lists of a hundred ids among them) filled the
     * cache and the walk took 13–31 % of a create's and 42 % of a PATCH's request-thread samples,
     * against 5 % with 32, while parsing stayed under 1 % of the reads' (BENCHMARKS.md, "Eighth pass:
     * the create's CPU").
     */
    static final int H2_QUERY_CACHE_SIZE = 32;

    /**
     * Whether {@code dataSource} is a pool of ours that was closed. HikariCP is optional for a host
     * with a pool of its own, so its class is not touched unless it is on the classpath. A pool behind
     * a wrapping DataSource (a host's or a test's statement recorder) is found through
     * {@link DataSource#unwrap}.
     */
    public static boolean isClosedPool(DataSource dataSource) {
        if (!HIKARI_PRESENT) {
            return false;
        }
        if (dataSource instanceof HikariDataSource pool) {
            return pool.isClosed();
        }
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) && dataSource.unwrap(HikariDataSource.class).isClosed();
        } catch (SQLException | RuntimeException e) {
            return false; // a wrapper that cannot say is taken as open: the relay keeps trying, as before
        }
    }

    private static final boolean HIKARI_PRESENT = isPresent("com.zaxxer.hikari.HikariDataSource");

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, DataSources.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * pgjdbc properties, each added unless the URL sets it. reWriteBatchedInserts: a JDBC batch of
     * one INSERT (the event relay's feed rows, the provisioning log's lines) goes to PostgreSQL as
     * multi-row INSERTs instead of one execution per row (BENCHMARKS.md, sixth pass).
     */
    static final Map<String, String> POSTGRES_DRIVER_DEFAULTS = Map.of("reWriteBatchedInserts", "true");

    static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    public static boolean isH2(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }
}
