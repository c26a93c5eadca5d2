package io.scimgate.core.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import java.util.function.UnaryOperator;

/** A provisioning core on a fresh database of the store under test; close it after the test. */
public final class TestCore implements AutoCloseable {

    private final TestDatabase database;
    private final HikariDataSource dataSource;
    private final ProvisioningCore core;

    private TestCore(UnaryOperator<ProvisioningCore.Builder> customise) {
        this.database = TestDatabases.create();
        this.dataSource = database.dataSource();
        this.core = customise.apply(ProvisioningCore.builder().dataSource(dataSource)).build();
    }

    public static TestCore start() {
        return new TestCore(UnaryOperator.identity());
    }

    public static TestCore start(UnaryOperator<ProvisioningCore.Builder> customise) {
        return new TestCore(customise);
    }

    public ProvisioningCore core() {
        return core;
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        dataSource.close();
        TestDatabases.drop(database);
    }
}
