package io.scimgate.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.TestDatabases;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** Guards the test set-up itself: the "postgres" run really talks to PostgreSQL. */
class StoreUnderTestTest {

    @Test
    void theSuiteRunsOnTheStoreItNames() {
        try (TestCore test = TestCore.start()) {
            SQLDialect expected = TestDatabases.store().equals(TestDatabases.POSTGRES) ? SQLDialect.POSTGRES : SQLDialect.H2;
            assertEquals(expected, CoreInternals.database(test.core()).dialect());
        }
    }
}
