package io.scimgate.conformance;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar scimgate-conformance.jar --url … --admin-token …}: runs the conformance suite
 * (package {@code io.scimgate.conformance.suite}) with the JUnit Platform launcher against a running
 * scimgate, prints each test's outcome and a summary, and exits 0 only when every test found passed.
 * It creates organizations and directories of its own on that server (named "Conformance …").
 */
@Command(name = "scimgate-conformance", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs scimgate's conformance suite against a running server.")
public final class ConformanceRunner implements Callable<Integer> {

    public static final String SUITE_PACKAGE = "io.scimgate.conformance.suite";

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "the server's root URL, e.g. https://scim.example.com (SCIM under /scim/v2, admin API under /admin/v1)")
    private String url;

    @Option(names = "--admin-token", required = true, paramLabel = "TOKEN", description = "the admin API's bearer token")
    private String adminToken;

    @Option(names = "--tests", paramLabel = "REGEX", defaultValue = ".*",
            description = "only the test classes whose fully qualified name matches, e.g. '.*OktaTest' (default: all)")
    private String tests;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConformanceRunner()).execute(args));
    }

    @Override
    public Integer call() {
        // ServerUnderTest reads these: the suite never starts a server of its own when they are set.
        System.setProperty("scimgate.url", url);
        System.setProperty("scimgate.adminToken", adminToken);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(SUITE_PACKAGE))
                .filters(includeClassNamePatterns(tests))
                .build();
        PrintWriter out = new PrintWriter(System.out, true);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new PrintedOutcomes(out), summary);
        TestExecutionSummary result = summary.getSummary();
        result.printFailuresTo(out, 15);
        result.printTo(out);
        if (result.getTestsFoundCount() == 0) {
            out.println("No test matched --tests " + tests);
            return 2;
        }
        return result.getTotalFailureCount() == 0 ? 0 : 1;
    }
}
