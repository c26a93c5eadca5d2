package io.scimgate.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;

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
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * H2 delays writing committed transactions by 500 ms unless told otherwise; a server that
     * answered 201 must not lose the row to a kill -9, so WRITE_DELAY=0 is added unless the
     * operator set it explicitly.
     */
    static String durable(String jdbcUrl) {
        String url = jdbcUrl;
        if (isH2(url) && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")
                && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            url += ";WRITE_DELAY=0";
        }
        // H2 keeps 8 parsed statements per connection by default; the store uses a few dozen
        // distinct ones, which H2 would otherwise parse again on nearly every execution.
        if (isH2(url) && !url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            url += ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
        }
        return url;
    }

    /** Parsed statements H2 keeps per connection: the store's statement set, with room to spare. */
    static final int H2_QUERY_CACHE_SIZE = 256;

    public static boolean isH2(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }
}
