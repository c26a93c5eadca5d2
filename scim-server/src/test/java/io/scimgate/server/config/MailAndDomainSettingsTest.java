package io.scimgate.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SMTP, mail and DNS settings: read, cross-checked and refused by name at start. */
class MailAndDomainSettingsTest {

    @Test
    void smtpNeedsASenderAddress() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> ServerConfig.from(Map.of("SCIMGATE_SMTP_URL", "smtp://u:hunter2@mail.example.com")));
        assertTrue(refused.getMessage().contains("SCIMGATE_MAIL_FROM: is required with SCIMGATE_SMTP_URL"), refused.getMessage());
    }

    @Test
    void anUnusableSmtpUrlOrSenderIsRefusedByNameWithoutItsPassword() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> ServerConfig.from(Map.of(
                "SCIMGATE_SMTP_URL", "imap://u:hunter2@mail.example.com", "SCIMGATE_MAIL_FROM", "nobody")));
        assertTrue(refused.getMessage().contains("SCIMGATE_SMTP_URL"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SCIMGATE_MAIL_FROM"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void theSmtpPasswordNeverShowsInTheLoggedConfiguration() {
        ServerConfig config = ServerConfig.from(Map.of("SCIMGATE_SMTP_URL", "smtps://u:hunter2@mail.example.com",
                "SCIMGATE_MAIL_FROM", "Acme <no-reply@acme.example>"));
        assertFalse(config.toString().contains("hunter2"), config.toString());
        assertEquals("smtps://u@mail.example.com:465", config.invitationMailer().orElseThrow().server().describe());
        assertTrue(ServerConfig.from(Map.of()).invitationMailer().isEmpty());
    }

    @Test
    void dnsResolverAndRecheckScheduleAreRead() {
        ServerConfig config = ServerConfig.from(Map.of("SCIMGATE_DNS_RESOLVER", "10.0.0.2, 127.0.0.1:5353",
                "SCIMGATE_DNS_RECHECK_FIRST", "30s", "SCIMGATE_DNS_RECHECK_LONGEST", "2h"));
        assertEquals(List.of("10.0.0.2", "127.0.0.1:5353"), config.get(ServerConfig.DNS_RESOLVER));
        assertEquals(Duration.ofSeconds(30), config.domainRechecks().first());
        assertEquals(Duration.ofHours(2), config.domainRechecks().longest());
        ConfigurationException backwards = assertThrows(ConfigurationException.class, () -> ServerConfig.from(Map.of(
                "SCIMGATE_DNS_RECHECK_FIRST", "2h", "SCIMGATE_DNS_RECHECK_LONGEST", "1m")));
        assertTrue(backwards.getMessage().contains("SCIMGATE_DNS_RECHECK_LONGEST"), backwards.getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> ServerConfig.from(Map.of("SCIMGATE_DNS_RESOLVER", "dns://x")))
                .getMessage().contains("SCIMGATE_DNS_RESOLVER"));
    }

    @Test
    void aMissingConsumerDomainFileOrTemplateFolderIsRefusedByName() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> ServerConfig.from(Map.of(
                "SCIMGATE_CONSUMER_DOMAINS_FILE", "/no/such/file.txt", "SCIMGATE_MAIL_TEMPLATES", "/no/such/folder")));
        assertTrue(refused.getMessage().contains("SCIMGATE_CONSUMER_DOMAINS_FILE"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SCIMGATE_MAIL_TEMPLATES"), refused.getMessage());
    }
}
