package io.scimgate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code scimgate-conformance.jar}, run as an operator runs it ({@code java -jar … --url
 * … --admin-token …}) against a server started for it, with nothing of the module's test classpath.
 */
class ConformanceJarIT {

    private static final Path JAR = Path.of(System.getProperty("scimgate.conformanceJar", "target/scimgate-conformance.jar"));

    @Test
    void theStandaloneJarRunsTheSuiteAgainstARunningServerAndPassesOnlyWhenEveryTestPasses() throws Exception {
        try (TestServer server = TestServer.start()) {
            Run run = runJar("--url", server.url(), "--admin-token", server.adminToken(), "--tests", ".*\\.(GenericRfc|Okta)Test");

            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("PASSED  GenericRfcTest") && run.output().contains("PASSED  OktaTest"), run.output());
            Matcher succeeded = Pattern.compile("(\\d+) tests successful").matcher(run.output());
            assertTrue(succeeded.find() && Integer.parseInt(succeeded.group(1)) > 10, run.output());
            assertTrue(run.output().contains("0 tests failed"), run.output());

            Run wrongToken = runJar("--url", server.url(), "--admin-token", "not-the-token", "--tests", ".*\\.GenericRfcTest");
            assertEquals(1, wrongToken.exitCode(), "a suite that fails exits 1: " + wrongToken.output());
            assertTrue(wrongToken.output().contains("FAILED"), wrongToken.output());
        }
    }

    @Test
    void theStandaloneJarWithoutAServerToTestSaysWhatItNeeds() throws Exception {
        Run run = runJar();
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("--url") && run.output().contains("--admin-token"), run.output());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run runJar(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("scimgate-conformance-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the conformance jar did not finish in 10 minutes: " + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
