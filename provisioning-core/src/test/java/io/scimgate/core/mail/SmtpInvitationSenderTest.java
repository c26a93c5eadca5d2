package io.scimgate.core.mail;

import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.ProvisioningFixture;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.mail.LoopbackSmtp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built-in SMTP invitation sender against a real SMTP server on loopback (GreenMail). */
class SmtpInvitationSenderTest {

    static final String FROM = "Acme Access <no-reply@scimgate.test>";
    private static final Pattern ACCEPT_URL = Pattern.compile("https://app\\.example/join\\?token=(sgi_[A-Za-z0-9_-]+)");

    private final MutableClock clock = MutableClock.startingNow();
    private GreenMail smtp;
    private int port;
    private TestCore test;
    private ProvisioningCore core;
    private String organizationId;
    private String directoryId;

    @BeforeEach
    void start() {
        smtp = startSmtp(0);
        port = smtp.getSmtp().getPort();
        startCore("smtp://scimgate:s3cret%3A%2F%40@127.0.0.1:" + port);
    }

    /** An SMTP server on loopback that takes mail only from the user scimgate. */
    static GreenMail startSmtp(int port) {
        return LoopbackSmtp.start(port, "scimgate", "s3cret:/@");
    }

    private void startCore(String smtpUrl) {
        test = TestCore.start(builder -> builder.clock(clock)
                .invitationSender(new SmtpInvitationSender(SmtpServer.parse(smtpUrl), FROM, InvitationTemplates.defaults()))
                .invitationAcceptUrl("https://app.example/join?token={token}")
                .invitationDeliveryRetries(ProvisioningFixture.DELIVERY_RETRIES));
        core = test.core();
        organizationId = core.organizations().create("Acme & Sons").id();
        core.domains().verify(organizationId, core.domains().add(organizationId, "acme.com", VerificationStrategy.MANUAL).id());
        directoryId = core.directories().create(organizationId, "Okta <prod>", DirectoryProvider.OKTA).directory().id();
    }

    @AfterEach
    void stop() {
        test.close();
        smtp.stop();
    }

    private Invitation invitation() {
        List<Invitation> all = core.invitations().list(organizationId, null);
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static String part(MimeMessage message, int index) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(index).getContent();
    }

    @Test
    void aGuestReceivesTheInvitationWithOrganizationInviterAcceptUrlAndExpiryAndCanAcceptWithIt() throws Exception {
        core.directoryUsers().create(directoryId, person("gus@contractor.example", "Gus", "Guest"));

        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("gus@contractor.example", message.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals(FROM, message.getFrom()[0].toString());
        assertEquals("Okta <prod> invited you to join Acme & Sons", message.getSubject());
        assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());
        String text = part(message, 0);
        String html = part(message, 1);
        Invitation invitation = invitation();
        String expiry = InvitationTemplates.render(invitation.expiresAt());
        assertTrue(text.contains("Okta <prod> invited you (gus@contractor.example) to join Acme & Sons"), text);
        assertTrue(text.contains(expiry), text);
        assertTrue(html.contains("Okta &lt;prod&gt; invited you (gus@contractor.example) to join <strong>Acme &amp; Sons</strong>"), html);
        assertTrue(html.contains(expiry), html);

        Matcher url = ACCEPT_URL.matcher(text);
        assertTrue(url.find(), text);
        assertTrue(html.contains("href=\"" + url.group() + "\""), html);
        assertNotNull(invitation.deliveredAt());
        assertNull(invitation.lastDeliveryError());

        assertEquals(InvitationState.ACCEPTED, core.invitations().accept(url.group(1)).state());
        String userId = core.users().findByEmail("gus@contractor.example").orElseThrow().id();
        assertEquals(MembershipStatus.ACTIVE, core.memberships().find(organizationId, userId).orElseThrow().status());
    }

    @Test
    void aDownServerIsRetriedAndTheMessageArrivesOnceItIsBack() throws Exception {
        smtp.stop();
        core.directoryUsers().create(directoryId, person("gus@contractor.example"));
        Invitation failed = invitation();
        assertNull(failed.deliveredAt());
        assertTrue(failed.lastDeliveryError().contains("SMTP smtp://scimgate@127.0.0.1:" + port + " did not take the message"),
                failed.lastDeliveryError());
        assertTrue(!failed.lastDeliveryError().contains("s3cret"), "no password in the error");

        smtp = startSmtp(port);
        clock.advance(Duration.ofSeconds(30));
        core.invitationOutbox().deliverDue();
        assertEquals(0, smtp.getReceivedMessages().length, "the retry waits for its time");

        clock.advance(Duration.ofSeconds(30));
        core.invitationOutbox().deliverDue();
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertNotNull(invitation().deliveredAt());
        assertNull(invitation().lastDeliveryError());
    }

    @Test
    void smtpsToARelayWithASelfSignedCertificateDeliversWhenThatHostIsTrusted() throws Exception {
        GreenMail tls = LoopbackSmtp.start(ServerSetup.PROTOCOL_SMTPS, 0, "scimgate", "pw");
        try {
            test.close();
            startCore("smtps://scimgate:pw@127.0.0.1:" + tls.getSmtps().getPort() + "?trust=127.0.0.1");
            core.directoryUsers().create(directoryId, person("gus@contractor.example"));
            assertTrue(tls.waitForIncomingEmail(5000, 1), String.valueOf(invitation().lastDeliveryError()));
            assertNotNull(invitation().deliveredAt());
        } finally {
            tls.stop();
        }
    }

    @Test
    void smtpsRefusesAnUntrustedCertificate() {
        GreenMail tls = new GreenMail(LoopbackSmtp.setup(ServerSetup.PROTOCOL_SMTPS, 0));
        tls.start();
        try {
            test.close();
            startCore("smtps://127.0.0.1:" + tls.getSmtps().getPort());
            core.directoryUsers().create(directoryId, person("gus@contractor.example"));
            assertNull(invitation().deliveredAt());
            assertTrue(invitation().lastDeliveryError().contains("SSL") || invitation().lastDeliveryError().contains("certification"),
                    invitation().lastDeliveryError());
            assertEquals(0, tls.getReceivedMessages().length);
        } finally {
            tls.stop();
        }
    }

    @Test
    void refusedCredentialsAreShownOnTheInvitationAndRetried() {
        test.close();
        startCore("smtp://scimgate:wrong@127.0.0.1:" + port);
        core.directoryUsers().create(directoryId, person("gus@contractor.example"));
        String error = invitation().lastDeliveryError();
        assertTrue(error.contains("AuthenticationFailedException"), error);
        assertEquals(0, smtp.getReceivedMessages().length);
        assertEquals(1, CoreInternals.database(core).dsl().fetchCount(io.scimgate.core.store.schema.Tables.INVITATION_DELIVERY),
                "still queued for the next try");
    }
}
