package io.scimgate.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X-Forwarded-* shape the URLs scimgate hands out only when they come from a configured proxy. */
class ForwardedHeadersTest {

    private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "scim.example.com", "X-Forwarded-Port", "443");

    @Test
    void behindATrustedProxyTheUrlsAreThePublicOnes() {
        try (TestServer server = TestServer.start(Map.of("SCIMGATE_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1"))) {
            String organization = server.admin().createOrganization("Acme");
            HttpReply created = server.admin().http().send("POST", "organizations/" + organization + "/directories",
                    "{\"name\":\"Okta\",\"provider\":\"okta\"}", FORWARDED);
            assertEquals(201, created.status(), created::toString);
            String directoryId = created.json().get("id").asText();
            assertEquals("https://scim.example.com/scim/v2/" + directoryId, created.json().get("scimBaseUrl").asText());

            Http scim = new Http(server.url() + "/scim/v2/" + directoryId).bearer(created.json().get("token").asText());
            HttpReply user = scim.send("POST", "Users", ScimJson.user("ana@acme.com", "e1"),
                    Map.of("Content-Type", "application/scim+json", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "scim.example.com:8443"));
            assertEquals(201, user.status(), user::toString);
            assertTrue(user.header("Location").orElseThrow().startsWith("https://scim.example.com:8443/scim/v2/" + directoryId + "/Users/"),
                    user.header("Location").orElseThrow());
            assertEquals(user.header("Location").orElseThrow(), user.json().at("/meta/location").asText());
        }
    }

    @Test
    void fromAnyOtherPeerTheHeadersAreIgnored() {
        try (TestServer server = TestServer.start(Map.of("SCIMGATE_TRUSTED_PROXIES", "10.0.0.0/8"))) {
            String organization = server.admin().createOrganization("Acme");
            HttpReply created = server.admin().http().send("POST", "organizations/" + organization + "/directories",
                    "{\"name\":\"Okta\",\"provider\":\"okta\"}", FORWARDED);
            assertEquals(201, created.status(), created::toString);
            assertEquals(server.url() + "/scim/v2/" + created.json().get("id").asText(), created.json().get("scimBaseUrl").asText());
            assertFalse(created.body().contains("scim.example.com"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1          | 127.0.0.1     | true",
            "127.0.0.1          | 127.0.0.2     | false",
            "10.0.0.0/8         | 10.200.3.4    | true",
            "10.0.0.0/8         | 11.0.0.1      | false",
            "192.168.1.128/25   | 192.168.1.200 | true",
            "192.168.1.128/25   | 192.168.1.100 | false",
            "::1                | 0:0:0:0:0:0:0:1 | true",
            "fd00::/8           | fd12::5       | true",
            "fd00::/8           | 10.0.0.1      | false",
            "0.0.0.0/0          | 8.8.8.8       | true"})
    void addressesAndRangesMatchAsWritten(String trusted, String peer, boolean expected) {
        assertEquals(expected, TrustedProxies.parse(trusted).trusts(peer));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"proxy.internal | host names are not accepted", "10.0.0.0/33 | prefix length outside 0..32",
            "10.0.0.0/x | prefix length outside"})
    void entriesThatAreNotAddressesOrRangesAreRefused(String entry, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(entry));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
