package io.scimgate.server.logging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request ids, the access log and the provisioning lines, as an operator reads them. */
class ServerLogsTest {

    private static TestServer server;
    private static DirectoryAccess directory;
    private static String organizationName;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        AdminClient admin = server.admin();
        organizationName = "Acme " + UUID.randomUUID();
        String organizationId = admin.createOrganization(organizationName);
        admin.addVerifiedDomain(organizationId, "logs.example");
        directory = admin.createDirectory(organizationId, "Okta", "okta");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String user(String email) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
                + "\",\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]}";
    }

    private static ILoggingEvent accessLineOf(LogCapture logs, String requestId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> logs.events(RequestLogging.ACCESS_LOGGER).stream()
                .anyMatch(event -> requestId.equals(event.getMDCPropertyMap().get(LogFields.REQUEST_ID))));
        return logs.events(RequestLogging.ACCESS_LOGGER).stream()
                .filter(event -> requestId.equals(event.getMDCPropertyMap().get(LogFields.REQUEST_ID))).findFirst().orElseThrow();
    }

    private static List<ILoggingEvent> linesOf(LogCapture logs, String requestId) {
        return logs.events(ProvisioningLines.LOGGER).stream()
                .filter(event -> requestId.equals(event.getMDCPropertyMap().get(LogFields.REQUEST_ID))).toList();
    }

    @Test
    void aRequestIdTheCallerSentIsKeptAnsweredAndOnTheAccessLine() {
        try (LogCapture logs = LogCapture.info()) {
            HttpReply reply = directory.scim().send("GET", "Users?count=1", null, Map.of(RequestIds.HEADER, "okta-7f3a:91"));
            assertEquals(200, reply.status());
            assertEquals("okta-7f3a:91", reply.header(RequestIds.HEADER).orElseThrow());

            Map<String, String> fields = accessLineOf(logs, "okta-7f3a:91").getMDCPropertyMap();
            assertEquals("GET", fields.get(LogFields.METHOD));
            assertEquals("/scim/v2/" + directory.id() + "/Users", fields.get(LogFields.PATH), "the path, without the query");
            assertEquals("200", fields.get(LogFields.STATUS));
            assertTrue(Long.parseLong(fields.get(LogFields.DURATION_MS)) >= 0);
            assertEquals(directory.id(), fields.get(LogFields.DIRECTORY_ID));
            assertEquals("okta", fields.get(LogFields.PROVIDER));
        }
    }

    @Test
    void everyRequestGetsAnIdAndOneThatIsNoSaneTokenIsReplaced() {
        HttpReply none = server.admin().http().get("organizations");
        String made = none.header(RequestIds.HEADER).orElseThrow();
        UUID.fromString(made);
        HttpReply insane = server.admin().http().send("GET", "organizations", null,
                Map.of(RequestIds.HEADER, "<script>alert(1)</script>"));
        assertNotEquals("<script>alert(1)</script>", insane.header(RequestIds.HEADER).orElseThrow());
        UUID.fromString(insane.header(RequestIds.HEADER).orElseThrow());
        HttpReply unknownUrl = new io.scimgate.server.testing.Http(server.url()).get("/nothing-here");
        assertTrue(unknownUrl.header(RequestIds.HEADER).isPresent(), "also on requests no application serves");
    }

    @Test
    void anUnauthenticatedRequestNamesNoDirectory() {
        try (LogCapture logs = LogCapture.info()) {
            HttpReply refused = new io.scimgate.server.testing.Http(directory.scimBaseUrl()).bearer("wrong")
                    .send("GET", "Users", null, Map.of(RequestIds.HEADER, "refused-1"));
            assertEquals(401, refused.status());
            Map<String, String> fields = accessLineOf(logs, "refused-1").getMDCPropertyMap();
            assertEquals("401", fields.get(LogFields.STATUS));
            assertTrue(!fields.containsKey(LogFields.DIRECTORY_ID), "no directory before its token is accepted");
        }
    }

    @Test
    void eachScimWriteHasAProvisioningLineThatSaysWhy() {
        try (LogCapture logs = LogCapture.info()) {
            HttpReply created = directory.scim().send("POST", "Users", user("gus@contractor.example"),
                    Map.of(RequestIds.HEADER, "push-gus"));
            assertEquals(201, created.status(), created::toString);

            await().atMost(Duration.ofSeconds(10)).until(() -> !linesOf(logs, "push-gus").isEmpty());
            List<ILoggingEvent> lines = linesOf(logs, "push-gus");
            assertEquals(1, lines.size());
            ILoggingEvent line = lines.get(0);
            assertTrue(line.getFormattedMessage().startsWith("POST Users 201: pending: domain contractor.example not verified for "
                    + organizationName), line.getFormattedMessage());
            Map<String, String> fields = line.getMDCPropertyMap();
            assertEquals("push-gus", fields.get(LogFields.REQUEST_ID), "joins the access line and the IdP's own log");
            assertEquals(directory.id(), fields.get(LogFields.DIRECTORY_ID));
            assertEquals("okta", fields.get(LogFields.PROVIDER));
            assertEquals("pending", fields.get(LogFields.OUTCOMES));
            assertEquals("201", fields.get(LogFields.STATUS));
        }
    }

    @Test
    void readsHaveNoProvisioningLine() {
        try (LogCapture logs = LogCapture.info()) {
            String id = directory.scim().send("POST", "Users", user("ana@logs.example"), Map.of(RequestIds.HEADER, "push-ana"))
                    .json().get("id").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> linesOf(logs, "push-ana").size() == 1);
            assertTrue(linesOf(logs, "push-ana").get(0).getFormattedMessage().contains("active member of"));
            assertEquals(200, directory.scim().send("GET", "Users/" + id, null, Map.of(RequestIds.HEADER, "read-ana")).status());
            server.server().core().provisioningLog().flush();
            assertEquals(List.of(), linesOf(logs, "read-ana"));
        }
    }
}
