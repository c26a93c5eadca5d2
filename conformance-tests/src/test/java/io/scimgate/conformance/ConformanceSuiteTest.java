package io.scimgate.conformance;

import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The conformance suite (the runnable artifact's package {@value ConformanceRunner#SUITE_PACKAGE}) in
 * the module's own test run: against the server {@link StartedServer} starts on the store under
 * test, or a deployed one named by {@code -Dscimgate.url} and {@code -Dscimgate.adminToken}.
 */
@Suite
@SelectPackages(ConformanceRunner.SUITE_PACKAGE)
@SuiteDisplayName("Conformance suite")
class ConformanceSuiteTest {
}
