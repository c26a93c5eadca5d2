package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.testing.dns.LoopbackDnsServer;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standalone server verifies DNS domains in the background through the configured name server
 * (a real DNS server on loopback here) and refuses consumer domains, bundled and configured (README: Domain verification and consumer domains).
 */
class DomainVerificationServerTest {

    private static LoopbackDnsServer dns;
    private static TestServer server;
    private static AdminClient admin;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        dns = LoopbackDnsServer.start();
        Path extra = Files.createTempFile("consumer-domains", ".txt");
        Files.writeString(extra, "# ours\nfreemail.test\n");
        server = TestServer.start(Map.of(
                "SCIMGATE_DNS_RESOLVER", dns.address(),
                "SCIMGATE_DNS_RECHECK_FIRST", "200ms",
                "SCIMGATE_DNS_RECHECK_LONGEST", "1s",
                "SCIMGATE_CONSUMER_DOMAINS_FILE", extra.toString()));
        admin = server.admin();
        http = admin.http();
    }

    @AfterAll
    static void stop() {
        server.close();
        dns.close();
    }

    @Test
    void aDnsDomainIsVerifiedInTheBackgroundOnceItsTxtRecordIsPublished() {
        String organizationId = admin.createOrganization("Acme");
        String domainId = admin.addDomain(organizationId, "acme-dns.example", "dns");
        JsonNode pending = admin.get("organizations/" + organizationId + "/domains/" + domainId);
        assertEquals("pending", pending.get("state").asText());
        assertFalse(pending.get("nextCheckAt").isNull());
        assertAdminError(http.post("organizations/" + organizationId + "/domains/" + domainId + "/verify", ""),
                400, "dns_record_not_found");
        await().atMost(Duration.ofSeconds(20)).until(() -> dns.queries(pending.at("/dnsRecord/name").asText()) >= 2);

        dns.publishTxt(pending.at("/dnsRecord/name").asText(), pending.at("/dnsRecord/value").asText());

        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.get("organizations/" + organizationId + "/domains/" + domainId).get("state").asText().equals("verified"));
        JsonNode events = admin.get("events?events=organization_domain.verified&organizationId=" + organizationId).get("data");
        assertEquals(1, events.size());
        assertEquals("acme-dns.example", events.at("/0/data/domain").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yahoo.co.uk", "outlook.fr", "mail.ru", "gmail.com", "freemail.test"})
    void consumerDomainsOfTheBundledListAndTheConfiguredFileAreRefused(String consumer) {
        String organizationId = admin.createOrganization("Acme");
        assertAdminError(http.post("organizations/" + organizationId + "/domains",
                "{\"domain\":\"" + consumer + "\",\"verification\":\"manual\"}"), 400, "consumer_domain");
        assertEquals(0, admin.get("organizations/" + organizationId + "/domains").get("data").size());
    }
}
