package io.scimgate.core.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void aDatabaseNamedWithAnEarlierCreationTimeIsStale() {
        assertTrue(TestDatabases.createdBefore("scimgate_test_1700000000_0123456789ab", 1700000001));
    }

    @Test
    void aDatabaseMadeAfterTheCutOffIsKept() {
        assertFalse(TestDatabases.createdBefore("scimgate_test_1700000002_0123456789ab", 1700000001));
    }

    @Test
    void aDatabaseNamedWithoutACreationTimeIsKept() {
        assertFalse(TestDatabases.createdBefore("scimgate_test_0123456789abcdef", 1700000001));
        assertFalse(TestDatabases.createdBefore("scimgate_test_abc_0123", 1700000001));
    }
}
