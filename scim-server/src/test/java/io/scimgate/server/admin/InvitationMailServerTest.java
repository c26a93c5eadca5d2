package io.scimgate.server.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.scimgate.core.store.RetrySchedule;
import io.scimgate.core.testing.mail.LoopbackSmtp;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The standalone server mails invitations when SCIMGATE_SMTP_URL and SCIMGATE_MAIL_FROM are set
 * (README: Invitations reach people), against a real SMTP server on loopback, and says at start when it does not.
 */
class InvitationMailServerTest {

    private static final String FROM = "Acme Access <no-reply@scimgate.test>";
    private static final Pattern ACCEPT_URL = Pattern.compile("https://app\\.example/join\\?token=sgi_[A-Za-z0-9_-]+");

    private GreenMail smtp;
    private TestServer server;

    @BeforeEach
    void startSmtp() {
        smtp = startSmtp(0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        smtp.stop();
    }

    private static GreenMail startSmtp(int port) {
        return LoopbackSmtp.start(port, "scimgate", "pw");
    }

    private TestServer startServer(int smtpPort) {
        return TestServer.start(Map.of(
                        "SCIMGATE_SMTP_URL", "smtp://scimgate:pw@127.0.0.1:" + smtpPort,
                        "SCIMGATE_MAIL_FROM", FROM,
                        "SCIMGATE_INVITATION_URL", "https://app.example/join?token={token}"),
                builder -> builder.invitationDeliveryRetries(new RetrySchedule(Duration.ofMillis(200), Duration.ofSeconds(1), false)));
    }

    private static String pushGuest(DirectoryAccess directory, String email) {
        HttpReply created = directory.scim().post("Users", "{\"userName\":\"" + email + "\",\"name\":{\"givenName\":\"Gus\"},"
                + "\"emails\":[{\"value\":\"" + email + "\",\"type\":\"work\",\"primary\":true}]}");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private static JsonNode onlyInvitation(AdminClient admin, String organizationId) {
        JsonNode data = admin.get("invitations?organizationId=" + organizationId).get("data");
        assertEquals(1, data.size(), data::toString);
        return data.get(0);
    }

    @Test
    void aGuestPushedOverScimIsMailedAnInvitationThatTheInvitationShowsAsDelivered() throws Exception {
        server = startServer(smtp.getSmtp().getPort());
        AdminClient admin = server.admin();
        String organizationId = admin.createOrganization("Acme");
        admin.addVerifiedDomain(organizationId, "acme.com");
        DirectoryAccess directory = admin.createDirectory(organizationId, "Acme Okta", "okta");

        pushGuest(directory, "gus@contractor.example");

        assertTrue(smtp.waitForIncomingEmail(20_000, 1));
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("Acme Okta invited you to join Acme", message.getSubject());
        assertEquals("gus@contractor.example", message.getAllRecipients()[0].toString());
        String text = (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        Matcher url = ACCEPT_URL.matcher(text);
        assertTrue(url.find(), text);

        await().atMost(Duration.ofSeconds(20)).until(() -> !onlyInvitation(admin, organizationId).get("deliveredAt").isNull());
        assertTrue(onlyInvitation(admin, organizationId).get("lastDeliveryError").isNull());
        assertEquals("sent", onlyInvitation(admin, organizationId).at("/delivery/status").asText());
        JsonNode created = admin.get("events?events=invitation.created&organizationId=" + organizationId).at("/data/0/data");
        assertEquals(url.group(), created.get("acceptUrl").asText(), "host apps get the same link in the event");
        assertTrue(server.server().invitationDelivery().startsWith("mailed through smtp://scimgate@127.0.0.1:"));
        assertFalse(server.server().invitationDelivery().contains("pw"));
    }

    @Test
    void aDownSmtpServerShowsOnTheInvitationAndTheMessageFollowsWhenItIsBack() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        server = startServer(port);
        AdminClient admin = server.admin();
        String organizationId = admin.createOrganization("Acme");
        DirectoryAccess directory = admin.createDirectory(organizationId, "Okta", "okta");
        pushGuest(directory, "gus@contractor.example");

        await().atMost(Duration.ofSeconds(20)).until(() -> !onlyInvitation(admin, organizationId).get("lastDeliveryError").isNull());
        JsonNode failing = onlyInvitation(admin, organizationId);
        assertTrue(failing.get("deliveredAt").isNull());
        assertTrue(failing.get("lastDeliveryError").asText().contains("did not take the message"), failing.toString());
        assertEquals("retrying", failing.at("/delivery/status").asText(), failing.toString());
        assertEquals(failing.get("lastDeliveryError"), failing.at("/delivery/reason"), "says why, for the console");
        assertTrue(failing.at("/delivery/attempts").asInt() >= 1, failing.toString());
        assertFalse(failing.at("/delivery/nextAttemptAt").isNull(), failing.toString());

        smtp = startSmtp(port);
        assertTrue(smtp.waitForIncomingEmail(30_000, 1), "retried in the background");
        await().atMost(Duration.ofSeconds(20)).until(() -> !onlyInvitation(admin, organizationId).get("deliveredAt").isNull());
        assertTrue(onlyInvitation(admin, organizationId).get("lastDeliveryError").isNull());
    }

    @Test
    void aServerWithoutSmtpSaysAtStartThatInvitationsAreNotDelivered() {
        Logger logger = (Logger) LoggerFactory.getLogger(ScimgateServer.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            server = TestServer.start();
        } finally {
            logger.detachAppender(logs);
        }
        assertTrue(server.server().invitationDelivery().startsWith("NOT delivered"), server.server().invitationDelivery());
        String organizationId = server.admin().createOrganization("Acme");
        pushGuest(server.admin().createDirectory(organizationId, "Okta", "okta"), "gus@contractor.example");
        JsonNode delivery = onlyInvitation(server.admin(), organizationId).get("delivery");
        assertEquals("not_sent", delivery.get("status").asText(), delivery::toString);
        assertTrue(delivery.get("reason").asText().contains("SCIMGATE_SMTP_URL"), delivery::toString);
        assertTrue(logs.list.stream().anyMatch(line -> line.getLevel() == Level.WARN
                && line.getFormattedMessage().contains("Invitations: NOT delivered")
                && line.getFormattedMessage().contains("SCIMGATE_SMTP_URL")), logs.list::toString);
    }
}
