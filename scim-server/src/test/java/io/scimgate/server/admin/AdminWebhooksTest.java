package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scimgate.core.webhook.WebhookSignature;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A webhook registered through the admin API receives, signed, what a SCIM push causes. */
class AdminWebhooksTest {

    @Test
    void aRegisteredWebhookReceivesSignedEventsFromTheRunningServer() throws Exception {
        BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (TestServer server = TestServer.start()) {
            Http admin = server.admin().http();
            String organizationId = server.admin().createOrganization("Hooked");
            HttpReply created = admin.post("webhooks", "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook\",\"organizationId\":\"" + organizationId + "\",\"events\":[\"dsync.user.created\"]}");
            assertEquals(201, created.status(), created::toString);
            String secret = created.json().get("secret").asText();
            String webhookId = created.json().at("/webhook/id").asText();
            assertFalse(admin.get("webhooks/" + webhookId).body().contains(secret), "the secret is shown only once");

            var directory = server.admin().createDirectory(organizationId, "Okta", "okta");
            assertEquals(201, directory.scim().post("Users", "{\"userName\":\"hook@acme.com\"}").status());

            String[] delivery = received.poll(20, TimeUnit.SECONDS);
            assertTrue(delivery != null, "no webhook delivery arrived");
            assertTrue(WebhookSignature.verify(secret, delivery[0], delivery[1]));
            JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(delivery[1]);
            assertEquals("dsync.user.created", event.get("event").asText());
            assertEquals("hook@acme.com", event.at("/data/userName").asText());

            assertAdminError(admin.post("webhooks", "{\"url\":\"not a url\"}"), 400, "invalid_url");
            assertEquals(204, admin.delete("webhooks/" + webhookId).status());
            assertAdminError(admin.get("webhooks/" + webhookId), 404, "webhook_not_found");
        } finally {
            receiver.stop(0);
        }
    }
}
