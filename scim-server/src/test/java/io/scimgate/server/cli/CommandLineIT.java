package io.scimgate.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.testing.ScimgateProcess;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line of the jar the build made, as the README runs it. */
class CommandLineIT {

    private final TestDatabase database = TestDatabases.create();

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(database);
    }

    @Test
    void versionComesFromTheJarsManifest() {
        try (ScimgateProcess version = ScimgateProcess.jar(ScimgateProcess.builtJar(), Map.of(), "--version")) {
            assertEquals(0, version.awaitExit(60), version::output);
            assertTrue(version.output().matches("(?s)scimgate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n.*"), version::output);
        }
    }

    @Test
    void anOperatorCommandWhileAServerRunsWorksOnPostgresqlAndSaysWhyNotOnH2() {
        Map<String, String> environment = ScimgateProcess.environment(database, "cli-admin");
        try (ScimgateProcess server = ScimgateProcess.jar(ScimgateProcess.builtJar(), environment)) {
            server.awaitBaseUrl();
            try (ScimgateProcess command = ScimgateProcess.jar(ScimgateProcess.builtJar(), environment, "org", "create", "Acme")) {
                int exitCode = command.awaitExit(120);
                if (database.isPostgres()) {
                    assertEquals(0, exitCode, command::output);
                    assertTrue(command.output().contains("name:          Acme"), command::output);
                } else {
                    assertEquals(1, exitCode, command::output);
                    assertTrue(command.output().contains("is in use, by a running scimgate server: stop it first"), command::output);
                }
            }
        }
    }
}
