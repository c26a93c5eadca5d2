package io.scimgate.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.ServerConfig;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scimgate command line: operator commands on the store, with clear errors and exit codes. */
class CommandLineTest {

    private final TestDatabase database = TestDatabases.create();

    @TempDir
    Path folder;

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(database);
    }

    record Outcome(int exitCode, String out, String err) {
        String field(String name) {
            Matcher matcher = Pattern.compile("(?m)^" + name + ":\\s+(.+?)\\s*$").matcher(out);
            assertTrue(matcher.find(), () -> "no " + name + " in:\n" + out + err);
            return matcher.group(1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + err;
        }
    }

    private Outcome scimgate(String... args) {
        return scimgate(environment(), args);
    }

    private static Outcome scimgate(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ScimgateCommand.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SCIMGATE_DB_URL", database.jdbcUrl());
        if (database.user() != null) {
            environment.put("SCIMGATE_DB_USER", database.user());
            environment.put("SCIMGATE_DB_PASSWORD", database.password());
        }
        environment.put("SCIMGATE_PUBLIC_URL", "https://scim.example.com");
        return environment;
    }

    @Test
    void helpListsTheCommandsAndVersionNamesScimgate() {
        Outcome help = scimgate("--help");
        assertEquals(0, help.exitCode(), help::toString);
        for (String command : new String[] {"serve", "migrate", "reset-admin-token", "reseal-secrets", "org", "domain", "directory"}) {
            assertTrue(help.out().contains(command), () -> command + " missing from:\n" + help.out());
        }
        Outcome tokenHelp = scimgate("directory", "token", "--help");
        assertTrue(tokenHelp.out().contains("rotate") && tokenHelp.out().contains("revoke"), tokenHelp::toString);

        Outcome version = scimgate("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("scimgate "), version::toString);
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithExitCodeTwo() {
        Outcome outcome = scimgate("sevre");
        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.err().contains("Unmatched argument") && outcome.err().contains("sevre"), outcome::toString);

        Outcome missing = scimgate("org", "create");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("Missing required parameter: 'NAME'"), missing::toString);
    }

    @Test
    void aBadSettingStopsEveryCommandWithExitCodeTwoNamingTheKey() throws Exception {
        Path file = Files.writeString(folder.resolve("scimgate.properties"), "rate.limit = fast\n");
        Outcome outcome = scimgate("--config", file.toString(), "org", "list");
        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.err().contains("rate.limit (in " + file + "): must be a whole number, not 'fast'"), outcome::toString);
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    @Test
    void migrateAppliesTheSchemaOnceThenSaysItIsUpToDate() {
        Outcome first = scimgate("migrate");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().startsWith("Applied "), first::toString);

        Outcome second = scimgate("migrate");
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.out().startsWith("The store is up to date (schema version "), second::toString);
    }

    @Test
    void anOrganizationSetUpFromTheCommandLineServesScimWithTheTokenItPrinted() {
        String organizationId = scimgate("org", "create", "Acme").field("id");
        Outcome domain = scimgate("domain", "add", organizationId, "acme.com", "--verification", "manual");
        assertEquals(0, domain.exitCode(), domain::toString);
        Outcome verified = scimgate("domain", "verify", organizationId, "ACME.com");
        assertEquals("verified", verified.field("state"), verified::toString);
        Outcome dns = scimgate("domain", "add", organizationId, "acme.org");
        assertTrue(dns.field("dnsRecord").startsWith("_scimgate-verification.acme.org"), dns::toString);

        Outcome directory = scimgate("directory", "create", organizationId, "--name", "Okta", "--provider", "okta");
        assertEquals(0, directory.exitCode(), directory::toString);
        String directoryId = directory.field("id");
        assertEquals("https://scim.example.com/scim/v2/" + directoryId, directory.field("scimBaseUrl"));
        String firstToken = directory.field("token");
        String firstTokenId = scimgate("directory", "token", "list", directoryId).field("id");

        assertEquals(200, scimStatus(directoryId, firstToken));

        Outcome rotated = scimgate("directory", "token", "rotate", directoryId);
        assertEquals(0, rotated.exitCode(), rotated::toString);
        assertTrue(rotated.out().contains("still live: token " + firstTokenId), rotated::toString);
        String secondToken = rotated.field("token");
        Outcome revoked = scimgate("directory", "token", "revoke", directoryId, firstTokenId);
        assertEquals(0, revoked.exitCode(), revoked::toString);

        assertEquals(401, scimStatus(directoryId, firstToken));
        assertEquals(200, scimStatus(directoryId, secondToken));

        Outcome again = scimgate("directory", "token", "rotate", directoryId, "--revoke-others");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(401, scimStatus(directoryId, secondToken));
        assertEquals(200, scimStatus(directoryId, again.field("token")));
    }

    @Test
    void refusalsFromTheStoreAreOneLineWithExitCodeOne() {
        String organizationId = scimgate("org", "create", "Acme").field("id");

        Outcome consumer = scimgate("domain", "add", organizationId, "gmail.com");
        assertEquals(1, consumer.exitCode(), consumer::toString);
        assertTrue(consumer.err().startsWith("Error (consumer_domain): "), consumer::toString);

        Outcome unknownProvider = scimgate("directory", "create", organizationId, "--name", "X", "--provider", "myspace");
        assertEquals(1, unknownProvider.exitCode(), unknownProvider::toString);

        Outcome noSuchToken = scimgate("directory", "token", "revoke", "nope", "nope");
        assertEquals(1, noSuchToken.exitCode(), noSuchToken::toString);
        assertTrue(noSuchToken.err().startsWith("Error (token_not_found): "), noSuchToken::toString);
        assertFalse(noSuchToken.err().contains("\tat "), "no stack trace");

        Outcome noKey = scimgate("reseal-secrets");
        assertEquals(1, noKey.exitCode(), noKey::toString);
        assertTrue(noKey.err().startsWith("Error (secret_key_not_configured): "), noKey::toString);
    }

    @Test
    void resetAdminTokenPrintsATokenTheAdminApiAccepts() {
        Outcome reset = scimgate("reset-admin-token");
        assertEquals(0, reset.exitCode(), reset::toString);
        String token = reset.out().replaceAll("(?s).*\\(shown once\\): (\\S+).*", "$1");

        try (ScimgateServer server = ScimgateServer.start(serverConfig(null))) {
            assertEquals(200, new Http(server.baseUrl() + "/admin/v1").bearer(token).get("organizations").status());
            assertEquals(401, new Http(server.baseUrl() + "/admin/v1").bearer("sga_wrong").get("organizations").status());
        }
    }

    @Test
    void healthExitsZeroWhileTheServerIsReadyAndOneWhenItIsGone() {
        ScimgateServer server = ScimgateServer.start(serverConfig("admin"));
        Map<String, String> environment = environment();
        environment.put("SCIMGATE_PORT", Integer.toString(server.port()));
        Outcome ready;
        try {
            ready = scimgate(environment, "health");
        } finally {
            server.close();
        }
        assertEquals(0, ready.exitCode(), ready::toString);
        assertTrue(ready.out().startsWith("200 {\"status\":\"ready\""), ready::toString);

        Outcome gone = scimgate(environment, "health");
        assertEquals(1, gone.exitCode(), gone::toString);
        assertTrue(gone.err().startsWith("Not ready: http://127.0.0.1:" + server.port() + "/health/ready cannot be reached"), gone::toString);
    }

    private int scimStatus(String directoryId, String token) {
        try (ScimgateServer server = ScimgateServer.start(serverConfig("admin"))) {
            return new Http(server.baseUrl() + "/scim/v2/" + directoryId).bearer(token).get("Users").status();
        }
    }

    private ServerConfig serverConfig(String adminToken) {
        return TestServer.config(database, adminToken);
    }
}
