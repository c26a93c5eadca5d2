package io.scimgate.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** A directory's state and activity on the admin API: activated by its first request, counted in memory, kept across restarts. */
class DirectoryActivityTest {

    @Test
    void theFirstAuthenticatedRequestActivatesTheDirectoryAndRequestsAndErrorsAreCounted() {
        try (TestServer server = TestServer.start()) {
            AdminClient admin = server.admin();
            String organizationId = admin.createOrganization("Active");
            DirectoryAccess directory = admin.createDirectory(organizationId, "Okta", "okta");
            JsonNode fresh = admin.get("directories/" + directory.id());
            assertTrue(fresh.get("activatedAt").isNull());
            assertEquals(0, fresh.get("requestCount").asLong());

            assertEquals(401, new io.scimgate.server.testing.Http(directory.scimBaseUrl()).bearer("sgd_wrong")
                    .get("Users").status(), "an unauthenticated request activates nothing");
            assertEquals(0, admin.get("events?events=dsync.activated&organizationId=" + organizationId).get("data").size());

            assertEquals(200, directory.scim().get("Users").status());
            assertEquals(200, directory.scim().get("Users?count=1").status());
            assertEquals(404, directory.scim().get("Users/no-such-user").status());

            JsonNode activated = admin.get("events?events=dsync.activated&organizationId=" + organizationId).get("data");
            assertEquals(1, activated.size(), "activated once");
            assertEquals(directory.id(), activated.get(0).get("directoryId").asText());
            JsonNode active = admin.get("directories/" + directory.id());
            assertTrue(active.get("activatedAt").isTextual());
            assertEquals(3, active.get("requestCount").asLong());
            assertEquals(1, active.get("errorCount").asLong());
            assertTrue(active.get("lastRequestAt").isTextual() && active.get("lastErrorAt").isTextual());

            server.restart();
            JsonNode afterRestart = server.admin().get("directories/" + directory.id());
            assertEquals(3, afterRestart.get("requestCount").asLong(), "saved when the server stopped");
            assertEquals(1, afterRestart.get("errorCount").asLong());
            assertEquals(active.get("activatedAt"), afterRestart.get("activatedAt"));
            assertEquals(200, new io.scimgate.server.testing.Http(server.url() + "/scim/v2/" + directory.id())
                    .bearer(directory.token()).get("Users").status());
            assertEquals(1, server.admin().get("events?events=dsync.activated&organizationId=" + organizationId)
                    .get("data").size(), "a restarted server does not activate again");
        }
    }
}
