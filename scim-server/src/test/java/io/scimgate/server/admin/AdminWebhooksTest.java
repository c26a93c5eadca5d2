package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.scimgate.core.webhook.WebhookSignature;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void resendPostsAnEventTheEndpointAlreadyHadOnceMoreAndRefusesOthers() throws Exception {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        AtomicInteger answer = new AtomicInteger(204);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        try (TestServer server = TestServer.start()) {
            Http admin = server.admin().http();
            String acme = server.admin().createOrganization("Acme");
            String other = server.admin().createOrganization("Other");
            String webhookId = admin.post("webhooks", "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook\",\"organizationId\":\"" + acme + "\",\"events\":[\"dsync.user.created\"]}")
                    .json().at("/webhook/id").asText();
            var directory = server.admin().createDirectory(acme, "Okta", "okta");
            assertEquals(201, directory.scim().post("Users", "{\"userName\":\"ana@acme.com\"}").status());
            JsonNode first = received.poll(20, TimeUnit.SECONDS);
            assertTrue(first != null, "no webhook delivery arrived");
            long eventId = first.get("id").asLong();
            await("the delivery to be recorded").atMost(Duration.ofSeconds(20))
                    .until(() -> admin.get("webhooks/" + webhookId).json().get("lastEventId").asLong() == eventId);

            HttpReply resend = admin.post("webhooks/" + webhookId + "/events/" + eventId + "/resend", "");

            assertEquals(202, resend.status(), resend::toString);
            assertEquals(eventId, resend.json().get("eventId").asLong());
            JsonNode again = received.poll(20, TimeUnit.SECONDS);
            assertTrue(again != null, "the resent event did not arrive");
            assertEquals(first, again, "the same envelope, same id, once more");
            await("the resend's attempt").atMost(Duration.ofSeconds(20)).until(() -> admin.get("webhooks/" + webhookId
                    + "/attempts").json().get("data"), attempts -> attempts.size() == 2);
            JsonNode attempts = admin.get("webhooks/" + webhookId + "/attempts").json().get("data");
            attempts.forEach(attempt -> {
                assertEquals(eventId, attempt.get("eventId").asLong(), attempt::toString);
                assertEquals("delivered", attempt.get("outcome").asText(), attempt::toString);
            });

            long otherOrganizationsEvent = admin.get("events?events=organization.created&organizationId=" + other)
                    .json().at("/data/0/id").asLong();
            assertAdminError(admin.post("webhooks/" + webhookId + "/events/" + otherOrganizationsEvent + "/resend", ""),
                    409, "event_not_for_endpoint");
            assertAdminError(admin.post("webhooks/" + webhookId + "/events/999999/resend", ""), 404, "event_not_found");
            assertAdminError(admin.post("webhooks/" + webhookId + "/events/latest/resend", ""), 404, "event_not_found");
            assertAdminError(admin.post("webhooks/nope/events/" + eventId + "/resend", ""), 404, "webhook_not_found");

            answer.set(503);
            assertEquals(201, directory.scim().post("Users", "{\"userName\":\"bo@acme.com\"}").status());
            long failing = received.poll(20, TimeUnit.SECONDS).get("id").asLong();
            assertAdminError(admin.post("webhooks/" + webhookId + "/events/" + failing + "/resend", ""),
                    409, "event_not_sent_yet");
            assertEquals(eventId, admin.get("webhooks/" + webhookId).json().get("lastEventId").asLong(),
                    "a refused resend changes nothing");
        } finally {
            receiver.stop(0);
        }
    }
}
