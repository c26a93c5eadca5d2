package io.scimgate.server.cli;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.store.DataSources;
import io.scimgate.server.ServerConfig;
import java.sql.SQLException;

/** The store a command works on, as the server would open it (migrated first); close it when done. */
final class Store implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final ProvisioningCore core;

    private Store(HikariDataSource dataSource, ProvisioningCore core) {
        this.dataSource = dataSource;
        this.core = core;
    }

    static HikariDataSource dataSource(ServerConfig config) {
        try {
            return DataSources.pooled(config.dbUrl(), config.dbUser(), config.dbPassword());
        } catch (HikariPool.PoolInitializationException e) {
            throw unavailable(config, e);
        }
    }

    static Store open(ServerConfig config) {
        HikariDataSource dataSource = dataSource(config);
        try {
            return new Store(dataSource, ProvisioningCore.builder().dataSource(dataSource).schema(config.dbSchema()).secretBox(config.secretBox()).build());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    ProvisioningCore core() {
        return core;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static StoreUnavailable unavailable(ServerConfig config, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // H2 90020: the file is locked by another process, i.e. a running server.
            if (cause instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return new StoreUnavailable("the H2 database " + config.dbUrl() + " is in use, by a running scimgate server: "
                        + "stop it first, or use the admin API while it runs", e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new StoreUnavailable("cannot open the store " + config.dbUrl() + ": " + root.getMessage(), e);
    }
}
