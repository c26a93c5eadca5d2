package io.scimgate.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.core.invitation.InvitationState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SCIMGATE_SMTP_URL, SCIMGATE_MAIL_FROM and the invitation templates, read and refused with clear errors. */
class MailSettingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp://mail.example.com                          | false | mail.example.com | 587 |            |          | false",
        "smtp://user:pass@mail.example.com:25             | false | mail.example.com | 25  | user       | pass     | false",
        "smtps://user%40acme.com:p%3Ass@mail.example.com  | true  | mail.example.com | 465 | user@acme.com | p:ss  | false",
        "SMTP://mail.example.com:2525?starttls=required   | false | mail.example.com | 2525 |           |          | true",
    })
    void smtpUrlsNameTheServerItsCredentialsAndTls(String url, boolean implicitTls, String host, int port, String user,
            String password, boolean startTlsRequired) {
        SmtpServer server = SmtpServer.parse(url);
        assertEquals(implicitTls, server.implicitTls());
        assertEquals(host, server.host());
        assertEquals(port, server.port());
        assertEquals(user, server.user());
        assertEquals(password, server.password());
        assertEquals(startTlsRequired, server.startTlsRequired());
        if (password != null) {
            assertFalse(server.toString().contains(password));
            assertFalse(server.describe().contains(password));
        }
    }

    @Test
    void plainSmtpUpgradesWithStartTlsWhenOfferedAndSmtpsStartsEncrypted() {
        Properties smtp = SmtpServer.parse("smtp://u:p@mail.example.com").sessionProperties();
        assertEquals("true", smtp.get("mail.smtp.starttls.enable"));
        assertEquals("false", smtp.get("mail.smtp.starttls.required"));
        assertEquals("true", smtp.get("mail.smtp.auth"));
        Properties smtps = SmtpServer.parse("smtps://mail.example.com?trust=mail.example.com").sessionProperties();
        assertEquals("smtps", smtps.get("mail.transport.protocol"));
        assertEquals("false", smtps.get("mail.smtps.auth"));
        assertEquals("mail.example.com", smtps.get("mail.smtps.ssl.trust"));
        assertNull(smtps.get("mail.smtps.starttls.enable"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://user:hunter2@mail.example.com | the scheme must be smtp or smtps",
        "smtp://user:hunter2@/                 | names no host",
        "smtp://mail.example.com?tls=yes       | unknown option 'tls'",
        "smtp://mail.example.com?starttls=maybe | starttls can only be 'required'",
    })
    void unusableSmtpUrlsAreRefusedWithoutShowingThePassword(String url, String why) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SmtpServer.parse(url));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("SCIMGATE_SMTP_URL"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void theFromAddressIsRequiredAndChecked() {
        SmtpServer server = SmtpServer.parse("smtp://mail.example.com");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SmtpInvitationSender(server, null, InvitationTemplates.defaults())).getMessage()
                .contains("SCIMGATE_MAIL_FROM is required"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SmtpInvitationSender(server, "not an address", InvitationTemplates.defaults())).getMessage()
                .contains("is not an e-mail address"));
        assertEquals("no-reply@acme.example",
                new SmtpInvitationSender(server, "Acme <no-reply@acme.example>", InvitationTemplates.defaults()).from().getAddress());
    }

    @Test
    void templateFilesReplaceTheirPartAndTheOthersStay(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(InvitationTemplates.SUBJECT_FILE), "Join {{ organizationName }}\n");
        Files.writeString(folder.resolve(InvitationTemplates.TEXT_FILE), "Go to {{acceptUrl}} before {{expiresAt}}.");
        InvitationTemplates templates = InvitationTemplates.defaults().withFilesFrom(folder);
        Instant expiry = Instant.parse("2026-12-07T09:30:00Z");
        Invitation invitation = new Invitation("i1", "o1", "u1", "gus@contractor.example", InvitationState.PENDING, null,
                expiry, null, null, null, null, expiry, expiry);
        var mail = templates.render(new InvitationDelivery(invitation, "Acme", "Okta", "sgi_t", "https://app/join?t=sgi_t&x=1", false));
        assertEquals("Join Acme", mail.subject());
        assertEquals("Go to https://app/join?t=sgi_t&x=1 before 7 December 2026, 09:30 UTC.", mail.text());
        assertTrue(mail.html().contains("href=\"https://app/join?t=sgi_t&amp;x=1\""), mail.html());
    }

    @Test
    void anUnknownPlaceholderOrAMissingFolderIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(InvitationTemplates.HTML_FILE), "<p>{{firstName}}</p>");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> InvitationTemplates.defaults().withFilesFrom(folder));
        assertTrue(unknown.getMessage().contains("invitation.html uses {{firstName}}"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> InvitationTemplates.defaults().withFilesFrom(folder.resolve("missing")));
    }
}
