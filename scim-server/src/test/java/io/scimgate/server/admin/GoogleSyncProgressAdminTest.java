package io.scimgate.server.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.testing.google.FakeAdminSdk;
import io.scimgate.core.testing.google.FakeWorkspace;
import io.scimgate.core.testing.google.TestServiceAccount;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Google run shows its progress through the admin API while it runs: the pages read and the
 * directory users written so far, written on the run after each page. The fake Admin SDK holds
 * the second page of users, so the run is caught half-way. Its own server and fake, so that no
 * other test's sync reaches the held page.
 */
class GoogleSyncProgressAdminTest {

    private static final String ADMIN = "admin@corp.example";
    private static final TestServiceAccount ACCOUNT = TestServiceAccount.create();

    @Test
    void aRunningSyncShowsThePagesFetchedAndUsersWrittenSoFar() throws IOException {
        FakeWorkspace workspace = new FakeWorkspace();
        workspace.addUser("101", "ana@corp.example", "Ana", "Lee");
        workspace.addUser("102", "bo@corp.example", "Bo", "Kim");
        workspace.addUser("103", "cy@corp.example", "Cy", "Ng");
        workspace.addGroup("g-eng", "eng@corp.example", "Engineering");
        workspace.addUserMember("g-eng", "101");
        try (FakeAdminSdk google = new FakeAdminSdk(workspace, ACCOUNT, ADMIN);
                TestServer server = TestServer.start(Map.of(
                        "SCIMGATE_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        "SCIMGATE_GOOGLE_TOKEN_URL", google.tokenUrl().toString(),
                        "SCIMGATE_GOOGLE_API_URL", google.apiBaseUrl().toString()))) {
            google.pageSize(2);
            FakeAdminSdk.Gate secondPageOfUsers = google.gate("users", 2);
            Http admin = server.admin().http();
            DirectoryAccess directory = server.newDirectory("google");
            String runs = "directories/" + directory.id() + "/google/runs";
            ObjectNode settings = new ObjectMapper().createObjectNode().put("adminEmail", ADMIN);
            settings.set("serviceAccountKey", new ObjectMapper().readTree(ACCOUNT.keyJson()));

            assertEquals(201, admin.put("directories/" + directory.id() + "/google", settings.toString()).status());
            secondPageOfUsers.awaitArrival();
            JsonNode running;
            try {
                // groups (1 page), members of g-eng (1 page), users page 1 (ana, bo): 3 pages, 2 users written
                running = await("the first page of users on the run").atMost(Duration.ofSeconds(30))
                        .until(() -> admin.get(runs).json().at("/data/0"), run -> run.at("/progress/usersWritten").asInt() == 2);
            } finally {
                secondPageOfUsers.open();
            }
            assertEquals("running", running.get("status").asText(), running::toString);
            assertEquals(3, running.at("/progress/pagesFetched").asInt(), running::toString);
            assertEquals(2, running.at("/users/created").asInt(), running::toString);
            assertTrue(running.get("finishedAt").isNull(), running::toString);

            JsonNode finished = await("the run to finish").atMost(Duration.ofSeconds(30))
                    .until(() -> admin.get(runs).json().at("/data/0"), run -> !run.get("status").asText().equals("running"));
            assertEquals("succeeded", finished.get("status").asText(), finished::toString);
            assertEquals(4, finished.at("/progress/pagesFetched").asInt(), finished::toString);
            assertEquals(3, finished.at("/progress/usersWritten").asInt(), finished::toString);
        }
    }
}
