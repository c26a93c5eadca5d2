package io.scimgate.server.scim.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.OktaRequiredUserAttributes;
import io.scimgate.server.scim.quirk.PatchAnsweredWithNoContent;
import io.scimgate.server.scim.quirk.PlainJsonResponses;
import io.scimgate.server.scim.quirk.Quirk;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A directory's provider selects what is specific to its IdP, and nothing else differs. */
class ProviderProfilesTest {

    private static final String BARE_USER = "{\"userName\":\"bare@profile.example\","
            + "\"emails\":[{\"value\":\"bare@profile.example\"},{\"value\":\"alias@profile.example\"}]}";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** That every provider has one, the exhaustive switch of ProviderProfiles makes the compiler check. */
    @Test
    void noTwoProvidersShareAProfile() {
        Set<Class<?>> profiles = new HashSet<>();
        for (DirectoryProvider provider : DirectoryProvider.values()) {
            assertTrue(profiles.add(ProviderProfiles.of(provider).getClass()),
                    provider + " has the profile of another provider: " + ProviderProfiles.of(provider).getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(DirectoryProvider.class)
    void everyProfileAppliesTheTolerancesEveryClientGets(DirectoryProvider provider) {
        Quirks quirks = ProviderProfiles.of(provider).quirks();
        for (Quirk tolerance : EveryClient.TOLERANCES.all()) {
            assertTrue(quirks.has(tolerance.getClass()), provider + " lacks " + tolerance.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(DirectoryProvider.class)
    void everyQuirkSaysWhoSendsItAndWhereItIsDocumented(DirectoryProvider provider) {
        for (Quirk quirk : ProviderProfiles.of(provider).quirks().all()) {
            assertFalse(quirk.clients().isBlank(), quirk.getClass().getSimpleName());
            assertTrue(quirk.source().matches("IDP-QUIRKS\\.md §[0-9.]+(, §[0-9.]+)*"), quirk.getClass().getSimpleName()
                    + ": " + quirk.source());
        }
    }

    @Test
    void whatDiffersOnTheWayOutIsAppliedOnlyByTheProfilesThatNeedIt() {
        for (DirectoryProvider provider : DirectoryProvider.values()) {
            Quirks quirks = ProviderProfiles.of(provider).quirks();
            assertEquals(provider == DirectoryProvider.ENTRA, quirks.has(PatchAnsweredWithNoContent.class), provider.name());
            assertEquals(provider == DirectoryProvider.OKTA, quirks.has(OktaRequiredUserAttributes.class), provider.name());
            assertEquals(provider == DirectoryProvider.ONELOGIN || provider == DirectoryProvider.GOOGLE,
                    quirks.has(PlainJsonResponses.class), provider.name());
        }
    }

    @Test
    void oktaGetsEveryUserWithNamesActiveAndOnePrimaryEmail() {
        DirectoryAccess okta = server.newDirectory("okta");
        JsonNode user = okta.scim().post("Users", BARE_USER).json();
        assertTrue(user.get("active").asBoolean());
        assertEquals("", user.at("/name/givenName").asText());
        assertTrue(user.at("/name").has("familyName"));
        assertTrue(user.at("/emails/0/primary").asBoolean());
        assertFalse(user.at("/emails/1/primary").asBoolean());
        JsonNode listed = okta.scim().get("Users").json();
        assertTrue(listed.at("/Resources/0/emails/0/primary").asBoolean());
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryProvider.class, mode = EnumSource.Mode.EXCLUDE, names = "OKTA")
    void otherProvidersGetUsersAsSent(DirectoryProvider provider) {
        JsonNode user = server.newDirectory(provider.slug()).scim().post("Users", BARE_USER).json();
        assertFalse(user.has("name"), () -> provider + " added a name: " + user);
        assertEquals(2, user.get("emails").size(), user::toString);
        for (JsonNode email : user.get("emails")) {
            assertFalse(email.has("primary"), () -> provider + " added primary to an email sent without: " + user);
        }
    }

    @Test
    void oneLoginAndGoogleAreAnsweredInPlainJsonUnlessTheyAskForScimJson() {
        for (String provider : new String[] {"onelogin", "google"}) {
            DirectoryAccess directory = server.newDirectory(provider);
            HttpReply created = directory.scim().post("Users", BARE_USER);
            assertTrue(created.contentType().startsWith("application/json"), provider + ": " + created.contentType());
            HttpReply asked = directory.scim().send("GET", "Users", null, Map.of("Accept", "application/scim+json"));
            assertTrue(asked.contentType().startsWith("application/scim+json"), provider + ": " + asked.contentType());
        }
        HttpReply generic = server.newDirectory("generic").scim().post("Users", BARE_USER);
        assertTrue(generic.contentType().startsWith("application/scim+json"), generic.contentType());
    }
}
