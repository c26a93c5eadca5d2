package io.scimgate.core.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** A provisioning core on a fresh database of the store under test; close it after the test. */
public final class TestCore implements AutoCloseable {

    private final TestDatabase database;
    private final HikariDataSource dataSource;
    private final ProvisioningCore core;

    private TestCore(UnaryOperator<DataSource> wrap, UnaryOperator<ProvisioningCore.Builder> customise) {
        this.database = TestDatabases.create();
        this.dataSource = database.dataSource();
        this.core = customise.apply(ProvisioningCore.builder().dataSource(wrap.apply(dataSource))).build();
    }

    public static TestCore start() {
        return start(UnaryOperator.identity());
    }

    public static TestCore start(UnaryOperator<ProvisioningCore.Builder> customise) {
        return start(UnaryOperator.identity(), customise);
    }

    /** @param wrap wraps the pooled DataSource the core is built on, e.g. to watch its statements */
    public static TestCore start(UnaryOperator<DataSource> wrap, UnaryOperator<ProvisioningCore.Builder> customise) {
        return new TestCore(wrap, customise);
    }

    public ProvisioningCore core() {
        return core;
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        core.close();
        dataSource.close();
        TestDatabases.drop(database);
    }
}
