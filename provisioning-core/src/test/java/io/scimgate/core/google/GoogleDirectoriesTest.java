package io.scimgate.core.google;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.store.schema.Tables;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.google.TestServiceAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings of a Google directory: checked, stored with the key sealed, never shown with it. */
class GoogleDirectoriesTest {

    private static final TestServiceAccount ACCOUNT = TestServiceAccount.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleSyncHarness google;
    private GoogleDirectories directories;

    @BeforeEach
    void start() {
        google = new GoogleSyncHarness();
        directories = google.sync().directories();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private static GoogleDirectorySettings settings(String keyJson) {
        return new GoogleDirectorySettings(null, GoogleSyncHarness.ADMIN, keyJson, null, null, null);
    }

    @Test
    void theKeyIsStoredSealedAndNothingOfItIsShown() {
        GoogleDirectoryConfig config = directories.configure(google.directoryId, settings(ACCOUNT.keyJson()));

        String stored = CoreInternals.database(google.core()).dsl().select(Tables.GOOGLE_DIRECTORY.CREDENTIAL)
                .from(Tables.GOOGLE_DIRECTORY).fetchSingle().value1();
        assertTrue(stored.startsWith("v1:" + GoogleSyncHarness.SECRET_BOX.keyId() + ":"), stored);
        assertFalse(stored.contains(ACCOUNT.privateKeyFragment()));
        assertFalse(stored.contains("PRIVATE KEY"));
        assertEquals("encrypted", config.credentialStorage());
        assertEquals(TestServiceAccount.CLIENT_EMAIL, config.serviceAccountEmail());
        assertEquals(ACCOUNT.keyId(), config.keyId());
        assertNull(config.keyFile());
        assertFalse(config.toString().contains(ACCOUNT.privateKeyFragment()));
        assertFalse(settings(ACCOUNT.keyJson()).toString().contains(ACCOUNT.privateKeyFragment()));
        assertFalse(ServiceAccountKey.parse(ACCOUNT.keyJson()).toString().contains(ACCOUNT.privateKeyFragment()));
    }

    @Test
    void defaultsAreMyCustomerEveryGroupAndThirtyMinutes() {
        GoogleDirectoryConfig config = directories.configure(google.directoryId, settings(ACCOUNT.keyJson()));

        assertEquals("my_customer", config.customer());
        assertEquals(List.of(), config.groups());
        assertEquals(Duration.ofMinutes(30), config.syncInterval());
        assertEquals(google.clock.instant(), config.syncRequestedAt(), "new settings ask for a sync");
        assertEquals(config, directories.get(google.directoryId));
    }

    @Test
    void groupsAreTrimmedAndDeduplicatedIgnoringCase() {
        GoogleDirectoryConfig config = directories.configure(google.directoryId, new GoogleDirectorySettings("C01abc",
                GoogleSyncHarness.ADMIN, ACCOUNT.keyJson(), null, List.of(" eng@corp.example ", "ENG@corp.example", "g-123"),
                Duration.ofHours(2)));

        assertEquals(List.of("eng@corp.example", "g-123"), config.groups());
        assertEquals("C01abc", config.customer());
        assertEquals(Duration.ofHours(2), config.syncInterval());
    }

    @Test
    void reconfiguringWithoutAKeyKeepsTheStoredOneAndAsksForASync() {
        directories.configure(google.directoryId, settings(ACCOUNT.keyJson()));
        google.syncNow();
        assertNull(directories.get(google.directoryId).syncRequestedAt());

        GoogleDirectoryConfig changed = directories.configure(google.directoryId,
                new GoogleDirectorySettings(null, GoogleSyncHarness.ADMIN, null, null, List.of(), Duration.ofMinutes(5)));

        assertEquals(Duration.ofMinutes(5), changed.syncInterval());
        assertEquals(ACCOUNT.keyId(), changed.keyId());
        assertEquals(google.clock.instant(), changed.syncRequestedAt());
        assertEquals(SyncRun.SUCCEEDED, google.syncNow().status(), "the stored key still works");
    }

    static Stream<Arguments> invalidSettings() {
        String key = ACCOUNT.keyJson();
        String admin = GoogleSyncHarness.ADMIN;
        List<String> tooMany = Collections.nCopies(GoogleDirectories.MAX_GROUPS + 1, "x").stream()
                .map(x -> x + Math.random()).toList();
        return Stream.of(
                Arguments.of(new GoogleDirectorySettings("my customer", admin, key, null, null, null), "invalid_customer"),
                Arguments.of(new GoogleDirectorySettings(null, null, key, null, null, null), "admin_email_required"),
                Arguments.of(new GoogleDirectorySettings(null, "admin", key, null, null, null), "invalid_admin_email"),
                Arguments.of(new GoogleDirectorySettings(null, admin, null, null, null, null), "credentials_required"),
                Arguments.of(new GoogleDirectorySettings(null, admin, key, "/etc/key.json", null, null), "ambiguous_credentials"),
                Arguments.of(new GoogleDirectorySettings(null, admin, key, null, null, Duration.ofMinutes(4)), "invalid_sync_interval"),
                Arguments.of(new GoogleDirectorySettings(null, admin, key, null, null, Duration.ofHours(25)), "invalid_sync_interval"),
                Arguments.of(new GoogleDirectorySettings(null, admin, key, null, List.of(" "), null), "invalid_group"),
                Arguments.of(new GoogleDirectorySettings(null, admin, key, null, tooMany, null), "too_many_groups"),
                Arguments.of(settings("not json " + ACCOUNT.privateKeyFragment()), "invalid_service_account_key"),
                Arguments.of(settings(withField(key, "type", "authorized_user")), "invalid_service_account_key"),
                Arguments.of(settings(withField(key, "client_email", "")), "invalid_service_account_key"),
                Arguments.of(settings(withField(key, "private_key", "-----BEGIN PRIVATE KEY-----\nAAAA"
                        + ACCOUNT.privateKeyFragment() + "\n-----END PRIVATE KEY-----\n")), "invalid_service_account_key"),
                Arguments.of(settings(withField(key, "private_key", ACCOUNT.privateKeyFragment())), "invalid_service_account_key"),
                Arguments.of(new GoogleDirectorySettings(null, admin, null, "relative/key.json", null, null), "unreadable_key_file"),
                Arguments.of(new GoogleDirectorySettings(null, admin, null, "/no/such/key.json", null, null), "unreadable_key_file"));
    }

    private static String withField(String keyJson, String field, String value) {
        try {
            return ((ObjectNode) JSON.readTree(keyJson)).put(field, value).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSettings")
    void invalidSettingsAreRefusedWithAClearCodeAndNoKeyInTheMessage(GoogleDirectorySettings settings, String code) {
        ScimgateException refused = assertThrows(ScimgateException.class, () -> directories.configure(google.directoryId, settings));

        assertEquals(code, refused.code().wireName(), refused::getMessage);
        assertEquals(ScimgateException.Kind.INVALID, refused.kind());
        assertFalse(refused.getMessage().contains(ACCOUNT.privateKeyFragment().substring(8)), refused.getMessage());
        assertTrue(directories.find(google.directoryId).isEmpty(), "nothing is stored");
    }

    @Test
    void onlyGoogleDirectoriesTakeGoogleSettings() {
        String okta = google.core().directories().create(google.organizationId, "Okta", DirectoryProvider.OKTA).directory().id();

        ScimgateException notGoogle = assertThrows(ScimgateException.class,
                () -> directories.configure(okta, settings(ACCOUNT.keyJson())));
        assertEquals(ErrorCode.NOT_A_GOOGLE_DIRECTORY, notGoogle.code());
        assertEquals(ScimgateException.Kind.CONFLICT, notGoogle.kind());
        ScimgateException unknown = assertThrows(ScimgateException.class,
                () -> directories.configure("no-such-directory", settings(ACCOUNT.keyJson())));
        assertEquals(ErrorCode.DIRECTORY_NOT_FOUND, unknown.code());
    }

    @Test
    void withoutASecretKeyAKeyMustBeGivenAsAFileOnTheHost(@TempDir Path folder) throws Exception {
        try (TestCore plain = TestCore.start(builder -> builder.clock(google.clock).google(GoogleOptions.defaults()
                .withEndpoints(google.google.tokenUrl(), google.google.apiBaseUrl())))) {
            String organization = plain.core().organizations().create("Corp").id();
            String directory = plain.core().directories().create(organization, "Google", DirectoryProvider.GOOGLE).directory().id();
            GoogleDirectories settings = plain.core().google().directories();

            ScimgateException refused = assertThrows(ScimgateException.class,
                    () -> settings.configure(directory, settings(ACCOUNT.keyJson())));
            assertEquals(ErrorCode.SECRET_KEY_NOT_CONFIGURED, refused.code());

            Path keyFile = Files.writeString(folder.resolve("google-key.json"), ACCOUNT.keyJson());
            GoogleDirectoryConfig config = settings.configure(directory,
                    new GoogleDirectorySettings(null, GoogleSyncHarness.ADMIN, null, keyFile.toString(), null, null));
            assertEquals("file", config.credentialStorage());
            assertEquals(keyFile.toString(), config.keyFile());
            assertEquals(TestServiceAccount.CLIENT_EMAIL, config.serviceAccountEmail());

            google.workspace.addUser("201", "ana@corp.example", "Ana", "Lee");
            SyncRun run = plain.core().google().syncNow(directory).orElseThrow();
            assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
            assertEquals(1, run.usersCreated());

            Files.delete(keyFile);
            SyncRun withoutKey = plain.core().google().syncNow(directory).orElseThrow();
            assertEquals(SyncRun.FAILED, withoutKey.status());
            assertTrue(withoutKey.error().contains("cannot be read"), withoutKey.error());
        }
    }

    @Test
    void aSealedKeyDoesNotOpenUnderAnotherSecretKey() {
        directories.configure(google.directoryId, settings(ACCOUNT.keyJson()));

        GoogleSync otherKey = new GoogleSync(CoreInternals.database(google.core()), google.clock, google.core().directoryUsers(),
                google.core().directoryGroups(), SecretBox.fromBase64("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="),
                GoogleOptions.defaults());
        SyncRun run = otherKey.syncNow(google.directoryId).orElseThrow();

        assertEquals(SyncRun.FAILED, run.status());
        assertTrue(run.error().contains("another SCIMGATE_SECRET_KEY"), run.error());
    }

    @Test
    void removingTheSettingsStopsSyncingAndKeepsTheUsers() {
        google.workspace.addUser("301", "ana@corp.example", "Ana", "Lee");
        directories.configure(google.directoryId, settings(ACCOUNT.keyJson()));
        google.syncNow();

        directories.remove(google.directoryId);

        assertTrue(directories.find(google.directoryId).isEmpty());
        assertEquals(List.of(), google.sync().syncDue());
        assertTrue(google.hasUser("301"));
        assertEquals(ErrorCode.GOOGLE_SYNC_NOT_CONFIGURED,
                assertThrows(ScimgateException.class, () -> google.sync().syncNow(google.directoryId)).code());
        assertEquals(ErrorCode.GOOGLE_SYNC_NOT_CONFIGURED,
                assertThrows(ScimgateException.class, () -> directories.requestSync(google.directoryId)).code());
    }
}
