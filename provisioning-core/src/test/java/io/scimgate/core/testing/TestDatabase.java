package io.scimgate.core.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.store.DataSources;

/** A fresh, empty database of the store under test, reachable by JDBC. */
public record TestDatabase(String store, String jdbcUrl, String user, String password) {

    public HikariDataSource dataSource() {
        return DataSources.pooled(jdbcUrl, user, password);
    }

    public boolean isPostgres() {
        return store.equals(TestDatabases.POSTGRES);
    }
}
