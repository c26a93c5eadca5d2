package io.scimgate.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerConfigTest {

    private static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @TempDir
    Path folder;

    @Test
    void withNothingSetEverySettingHasItsSafeDefault() {
        ServerConfig config = ServerConfig.from(Map.of());

        assertEquals(8080, config.port());
        assertEquals("127.0.0.1", config.bindAddress());
        assertEquals("jdbc:h2:file:./data/scimgate", config.dbUrl());
        assertNull(config.publicUrl());
        assertNull(config.secretBox());
        assertEquals(Duration.ofDays(7), config.invitationExpiry());
        assertEquals(100, config.rateLimitPerSecond());
        assertEquals(200, config.rateLimitBurst());
    }

    @Test
    void theFileGivesValuesAndTheEnvironmentWinsOverIt() throws IOException {
        Path file = write("""
                # scimgate.properties
                port = 9090
                bind = 0.0.0.0
                db.url = jdbc:postgresql://db.internal/scimgate
                public.url = https://scim.example.com/
                invitation.expiry = 48h
                """);

        ServerConfig config = ServerConfig.load(file, Map.of("SCIMGATE_PORT", "9191", "SCIMGATE_BIND", " "));

        assertEquals(9191, config.port(), "the environment wins");
        assertEquals("0.0.0.0", config.bindAddress(), "a blank variable is not set, so the file's value stays");
        assertEquals("jdbc:postgresql://db.internal/scimgate", config.dbUrl());
        assertEquals("https://scim.example.com", config.publicUrl());
        assertEquals(Duration.ofHours(48), config.invitationExpiry());
    }

    @Test
    void scimgateConfigNamesTheFileWhenNoPathIsGiven() throws IOException {
        Path file = write("rate.limit = 7\n");

        assertEquals(7, ServerConfig.from(Map.of("SCIMGATE_CONFIG", file.toString())).rateLimitPerSecond());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = folder.resolve("nope.properties");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServerConfig.from(Map.of("SCIMGATE_CONFIG", missing.toString())));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorThatNamesIt() throws IOException {
        Path file = write("prot = 9090\nSCIMGATE_BIND = 0.0.0.0\n");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ServerConfig.load(file, Map.of()));

        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("SCIMGATE_BIND (in " + file + "): unknown key; in the file it is written bind"),
                e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith("prot (in " + file + "): unknown key; known keys: port, bind,"),
                e.problems().get(1));
    }

    @Test
    void everyBadValueIsReportedAtOnceByItsKeyAndWhereItWasSet() throws IOException {
        Path file = write("rate.burst = lots\ngoogle.api.url = ftp://example.com\n");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ServerConfig.load(file,
                Map.of("SCIMGATE_PORT", "70000", "SCIMGATE_INVITATION_EXPIRY", "a week")));

        assertEquals(List.of(
                "SCIMGATE_PORT (environment): must be between 0 and 65535, not 70000",
                "SCIMGATE_INVITATION_EXPIRY (environment): must be a duration such as 30s, 5m, 12h, 7d or ISO-8601 PT30S, not 'a week'",
                "rate.burst (in " + file + "): must be a whole number, not 'lots'",
                "google.api.url (in " + file + "): must be an http(s) URL, not 'ftp://example.com'"), e.problems());
    }

    @ParameterizedTest
    @CsvSource({"PT30S, 30000", "30s, 30000", "500ms, 500", "5m, 300000", "P7D, 604800000", "2d, 172800000"})
    void durationsAreIsoOrANumberWithAUnit(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), ServerConfig.from(Map.of("SCIMGATE_INVITATION_EXPIRY", text)).invitationExpiry());
    }

    @Test
    void severalSecretKeysAreAcceptedTheFirstSealing() {
        ServerConfig config = ServerConfig.from(Map.of("SCIMGATE_SECRET_KEY", KEY_B + "," + KEY_A));

        assertEquals(2, config.secretBox().keyIds().size());
        assertEquals(config.secretBox().keyIds().get(0), config.secretBox().keyId());
    }

    @Test
    void aBadSecretKeyIsNamedButNeverEchoed() {
        String badKey = "c2VjcmV0LWJ1dC1zaG9ydA==";
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServerConfig.from(Map.of("SCIMGATE_SECRET_KEY", KEY_A + "," + badKey)));

        assertTrue(e.getMessage().startsWith("Invalid configuration: SCIMGATE_SECRET_KEY (environment): Secret key 2 of 2 must be 32 bytes"),
                e.getMessage());
        assertFalse(e.getMessage().contains(badKey));
    }

    @Test
    void secretsNeverShowInTheConfigurationsText() {
        ServerConfig config = ServerConfig.from(Map.of("SCIMGATE_DB_PASSWORD", "hunter2", "SCIMGATE_ADMIN_TOKEN", "sga_admin",
                "SCIMGATE_SECRET_KEY", KEY_A));

        String text = config.toString();
        assertFalse(text.contains("hunter2") || text.contains("sga_admin") || text.contains(KEY_A), text);
        assertTrue(text.contains("SCIMGATE_DB_PASSWORD=(set)") && text.contains("SCIMGATE_DB_USER=null"), text);
    }

    @Test
    void aMisspeltVariableIsAWarningNotAFailure() {
        ServerConfig config = ServerConfig.from(Map.of("SCIMGATE_PROT", "1", "SCIMGATE_TEST_PG_URL", "jdbc:x", "PATH", "/bin"));

        assertEquals(List.of("SCIMGATE_PROT is set but is not a scimgate setting; it is ignored"), config.warnings());
    }

    @Test
    void aCopyWithOneSettingChangedKeepsTheOthers() {
        ServerConfig config = ServerConfig.from(Map.of("SCIMGATE_BIND", "0.0.0.0")).withPort(0)
                .with(ServerConfig.PUBLIC_URL, URI.create("https://x.example"));

        assertEquals(0, config.port());
        assertEquals("0.0.0.0", config.bindAddress());
        assertEquals("https://x.example", config.publicUrl());
    }

    private Path write(String properties) throws IOException {
        Path file = folder.resolve("scimgate.properties");
        Files.writeString(file, properties);
        return file;
    }
}
