package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.activity.LoggedRequest;
import io.scimgate.core.activity.RequestJournal;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.PendingEvent;
import io.scimgate.core.testing.TestCore;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.StatementCounter;
import io.scimgate.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's directory health and provisioning log, fed by real SCIM requests. */
class DirectoryActivityApiTest {

    private static TestServer server;
    private AdminClient admin;
    private String organizationId;
    private DirectoryAccess directory;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void organization() {
        admin = server.admin();
        organizationId = admin.createOrganization("Acme");
        admin.addVerifiedDomain(organizationId, "acme.com");
        directory = admin.createDirectory(organizationId, "Okta", "okta");
    }

    private static HttpReply push(Http scim, String userName, String email) {
        return scim.post("Users", "{\"userName\":\"" + userName + "\""
                + (email == null ? "" : ",\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]") + "}");
    }

    /** The log once it holds {@code count} lines (it is written in the background). */
    private JsonNode logOf(String directoryId, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get("directories/" + directoryId + "/provisioning-log").get("data"), data -> data.size() >= count);
    }

    @Test
    void eachWriteIsLoggedWithWhatItChangedAndWhy() {
        Http scim = directory.scim();
        String ana = "ana-" + UUID.randomUUID() + "@acme.com";
        String gus = "gus-" + UUID.randomUUID() + "@contractor.io";
        assertEquals(201, push(scim, ana, ana).status());
        assertEquals(201, push(scim, gus, gus).status());
        assertEquals(201, push(scim, "00u9", null).status());

        JsonNode log = logOf(directory.id(), 3);
        assertEquals(3, log.size());
        JsonNode noEmail = log.get(0);
        JsonNode pending = log.get(1);
        JsonNode active = log.get(2);
        assertEquals("POST", active.get("method").asText());
        assertEquals("Users", active.get("path").asText());
        assertEquals(201, active.get("status").asInt());
        assertTrue(active.get("durationMs").asLong() >= 0);
        assertEquals("active member of Acme: domain acme.com is verified (RULES.md P13)", active.get("reason").asText());
        List<String> events = new ArrayList<>();
        active.get("changes").forEach(change -> events.add(change.get("event").asText()));
        // The directory's activation (dsync.activated) happens on the activity thread, not in the request.
        assertEquals(List.of("dsync.user.created", "user.created", "organization_membership.created"), events);
        assertEquals(ana, active.get("changes").get(events.indexOf("user.created")).get("email").asText());
        assertEquals("pending: domain contractor.io not verified for Acme; invited (RULES.md P14)", pending.get("reason").asText());
        assertTrue(noEmail.get("reason").asText().endsWith("(RULES.md P9)"), noEmail.toString());
    }

    @Test
    void refusedRequestsAreLoggedWithTheirErrorAndCountedAsErrors() {
        Http wrongToken = new Http(directory.scimBaseUrl()).bearer("sgd_not-this-directorys-token");
        assertEquals(401, wrongToken.get("Users").status());
        assertEquals(201, push(directory.scim(), "ana@acme.com", "ana@acme.com").status());
        assertEquals(409, push(directory.scim(), "ANA@acme.com", "ana@acme.com").status());
        assertEquals(200, directory.scim().get("Users").status());

        JsonNode log = logOf(directory.id(), 3);
        assertEquals(3, log.size(), "successful reads are not logged one by one: " + log);
        assertEquals(409, log.get(0).get("status").asInt());
        assertTrue(log.get(0).get("reason").asText().startsWith("refused: "), log.get(0).toString());
        assertEquals(0, log.get(0).get("changes").size());
        assertEquals(401, log.get(2).get("status").asInt());
        assertEquals("GET", log.get(2).get("method").asText());

        JsonNode health = await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get("directories/" + directory.id() + "/health"), h -> h.at("/last24Hours/requests").asLong() == 4);
        assertEquals(2, health.at("/last24Hours/errors").asLong());
        assertEquals(0, health.at("/last24Hours/throttled").asLong());
        assertEquals(24, health.get("hours").size());
        assertEquals(4, health.get("hours").get(23).get("requests").asLong());
        assertFalse(health.get("lastRequestAt").isNull());
        assertFalse(health.get("lastErrorAt").isNull());
    }

    @Test
    void requestsRefusedForTheRateLimitCountAsThrottled() {
        assertEquals(200, admin.http().patch("directories/" + directory.id(),
                "{\"rateLimit\":{\"requestsPerSecond\":1,\"burst\":1}}").status());
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            refused += directory.scim().get("Users").status() == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "the budget of one request per second ran out");
        int expected = refused;
        JsonNode health = await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get("directories/" + directory.id() + "/health"), h -> h.at("/last24Hours/requests").asLong() == 5);
        assertEquals(expected, health.at("/last24Hours/throttled").asLong());
        assertEquals(expected, health.at("/last24Hours/errors").asLong());
    }

    @Test
    void aDirectorySeesOnlyItsOwnLog() {
        DirectoryAccess other = admin.createDirectory(admin.createOrganization("Globex"), "Entra", "entra");
        assertEquals(201, push(other.scim(), "x@globex.example", "x@globex.example").status());
        assertEquals(201, push(directory.scim(), "ana@acme.com", "ana@acme.com").status());
        logOf(other.id(), 1);
        JsonNode mine = logOf(directory.id(), 1);
        assertEquals(1, mine.size());
        assertFalse(mine.toString().contains("globex"), mine.toString());
    }

    @Test
    void pagesAndErrorsFollowTheAdminApi() {
        for (String name : List.of("a@acme.com", "b@acme.com", "c@acme.com")) {
            assertEquals(201, push(directory.scim(), name, name).status());
        }
        logOf(directory.id(), 3);
        JsonNode first = admin.get("directories/" + directory.id() + "/provisioning-log?limit=2");
        assertEquals(2, first.get("data").size());
        String after = first.at("/listMetadata/after").asText();
        JsonNode second = admin.get("directories/" + directory.id() + "/provisioning-log?limit=2&after=" + after);
        assertEquals(1, second.get("data").size());
        assertTrue(second.at("/listMetadata/after").isNull());

        assertAdminError(admin.http().get("directories/no-such-directory/provisioning-log"), 404, "directory_not_found");
        assertAdminError(admin.http().get("directories/no-such-directory/health"), 404, "directory_not_found");
        assertAdminError(admin.http().get("directories/" + directory.id() + "/provisioning-log?limit=0"), 400, "invalid_limit");
    }

    /** The journal costs a write no statement: the log is written later, by the background writer. */
    @Test
    void aJournalAddsNoStatementToAWrite() {
        StatementCounter counter = new StatementCounter();
        // No tenant cache refresh between the two creates, however slow the machine.
        try (TestCore test = TestCore.start(counter::wrap, builder -> builder.tenantCacheFreshness(Duration.ofHours(1)))) {
            Organization acme = test.core().organizations().create("Acme");
            String directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
            test.core().directoryUsers().create(directoryId, user("warm-up@acme.com"));
            // Only the writing thread: the event relay publishes in the background on its own.
            counter.countOnly(Thread.currentThread());
            counter.reset();
            test.core().directoryUsers().create(directoryId, user("ana@acme.com"));
            long withoutJournal = counter.statements();

            RequestJournal journal = RequestJournal.open();
            counter.reset();
            try {
                test.core().directoryUsers().create(directoryId, user("bo@acme.com"));
            } finally {
                RequestJournal.close();
            }
            assertEquals(withoutJournal, counter.statements());
            assertEquals(List.of("dsync.user.created", "user.created", "organization_membership.created", "invitation.created"),
                    journal.changes().stream().map(PendingEvent::type).toList(),
                    "no domain is verified: a pending membership and an invitation");
        }
    }

    /** The background writer reads the directory users of a batch of logged creates in one statement, not one per line. */
    @Test
    void aBatchOfLoggedCreatesReadsItsDirectoryUsersInOneStatement() {
        StatementCounter counter = new StatementCounter();
        try (TestCore test = TestCore.start(counter::wrap, builder -> builder)) {
            Organization acme = test.core().organizations().create("Acme");
            String directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
            int creates = 5;
            for (int i = 0; i < creates; i++) {
                RequestJournal journal = RequestJournal.open();
                try {
                    test.core().directoryUsers().create(directoryId, user("user" + i + "@acme.com"));
                } finally {
                    RequestJournal.close();
                }
                test.core().provisioningLog().record(new LoggedRequest(directoryId, Instant.now(), "POST", "Users", 201, 5,
                        null, journal.changes()));
            }
            counter.countOnly(Thread.currentThread());
            counter.reset();
            test.core().provisioningLog().flush();

            Pattern readsDirectoryUsers = Pattern.compile("from\\s+\"?directory_user\"?(\\s|$)", Pattern.CASE_INSENSITIVE);
            assertEquals(1, counter.preparedSql().stream().filter(sql -> readsDirectoryUsers.matcher(sql).find()).count(),
                    String.join("\n", counter.preparedSql()));
            assertEquals(creates, test.core().provisioningLog().list(directoryId, null, 100).size());
        }
    }

    private static DirectoryUserData user(String email) {
        return new DirectoryUserData(email, null, true, null, "Ana", "Lee", List.of(new EmailAddress(email, "work", true)),
                null, null, null, "{\"userName\":\"" + email + "\"}");
    }
}
