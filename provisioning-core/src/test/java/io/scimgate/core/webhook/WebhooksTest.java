package io.scimgate.core.webhook;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.events.Events;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.TestCore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** P25: events reach webhook endpoints signed, in order, at least once, retried for up to three days. */
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.startingNow();
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> signatures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private HttpServer receiver;
    private TestCore test;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            if (status == 200) {
                bodies.add(body);
                received.add(JSON.readTree(body));
                signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        test = TestCore.start(builder -> builder.clock(clock));
    }

    @AfterEach
    void stop() {
        test.close();
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private void emit(String type, String organizationId) {
        CoreInternals.database(test.core()).transaction(tx -> {
            tx.emit(type, organizationId, null, Events.data().put("type", type));
            return null;
        });
    }

    @Test
    void P25_eventsArePostedInOrderSignedWithTheEndpointSecret() {
        emit("before.creation", null);
        CreatedWebhook webhook = test.core().webhooks().create(url(), null, List.of());
        assertTrue(webhook.secret().startsWith("whsec_"));
        emit("first", null);
        emit("second", null);
        test.core().webhookDispatcher().deliverDue();

        assertEquals(List.of("first", "second"), received.stream().map(event -> event.get("event").asText()).toList());
        assertTrue(received.get(0).get("id").asLong() < received.get(1).get("id").asLong());
        assertTrue(received.get(0).has("createdAt") && received.get(0).has("data"));
        for (int i = 0; i < bodies.size(); i++) {
            assertTrue(signatures.get(i).matches("t=\\d+,v1=[0-9a-f]{64}"), signatures.get(i));
            assertTrue(WebhookSignature.verify(webhook.secret(), signatures.get(i), bodies.get(i)));
            assertTrue(!WebhookSignature.verify("whsec_other", signatures.get(i), bodies.get(i)));
        }
        test.core().webhookDispatcher().deliverDue();
        assertEquals(2, received.size(), "delivered events are not sent again");
    }

    @Test
    void P25_aFailedDeliveryIsRetriedWithBackoffAndLaterEventsWait() {
        CreatedWebhook webhook = test.core().webhooks().create(url(), null, List.of());
        failuresToGive.set(2);
        emit("first", null);
        emit("second", null);
        test.core().webhookDispatcher().deliverDue();
        assertTrue(received.isEmpty());
        WebhookEndpoint failing = test.core().webhooks().get(webhook.endpoint().id());
        assertEquals(1, failing.attempts());
        assertTrue(failing.lastError().contains("503"));

        test.core().webhookDispatcher().deliverDue();
        assertTrue(received.isEmpty(), "not before the backoff has passed");
        clock.advance(Duration.ofSeconds(10));
        test.core().webhookDispatcher().deliverDue();
        assertTrue(received.isEmpty(), "second failure");
        clock.advance(Duration.ofMinutes(1));
        test.core().webhookDispatcher().deliverDue();
        assertEquals(List.of("first", "second"), received.stream().map(event -> event.get("event").asText()).toList());
        List<WebhookAttempt> attempts = test.core().webhooks().attempts(webhook.endpoint().id(), 10);
        assertEquals(List.of("delivered", "delivered", "failed", "failed"), attempts.stream().map(WebhookAttempt::outcome).toList());
    }

    @Test
    void P25_anEventFailingForThreeDaysIsGivenUpAndTheEndpointMovesOn() {
        CreatedWebhook webhook = test.core().webhooks().create(url(), null, List.of());
        failuresToGive.set(1_000_000);
        emit("doomed", null);
        test.core().webhookDispatcher().deliverDue();
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        test.core().webhookDispatcher().deliverDue();
        failuresToGive.set(0);
        emit("next", null);
        test.core().webhookDispatcher().deliverDue();
        assertEquals(List.of("next"), received.stream().map(event -> event.get("event").asText()).toList());
        assertEquals("gave_up", test.core().webhooks().attempts(webhook.endpoint().id(), 10).get(1).outcome());
    }

    @Test
    void P25_endpointsCanBeLimitedToEventTypesAndOneOrganization() {
        String acme = test.core().organizations().create("Acme").id();
        String other = test.core().organizations().create("Other").id();
        test.core().webhooks().create(url(), acme, List.of("organization_membership.created"));
        emit("organization_membership.created", acme);
        emit("organization_membership.deleted", acme);
        emit("organization_membership.created", other);
        test.core().webhookDispatcher().deliverDue();
        assertEquals(1, received.size());
        assertEquals(acme, received.get(0).get("organizationId").asText());
    }

    @Test
    void P25_aSubscriptionToAnUnknownEventTypeIsRefusedNamingIt() {
        ScimgateException refused = assertThrows(ScimgateException.class, () -> test.core().webhooks()
                .create(url(), null, List.of("user.created", "user.teleported")));
        assertEquals(ErrorCode.UNKNOWN_EVENT_TYPE, refused.code());
        assertTrue(refused.getMessage().contains("user.teleported"), refused.getMessage());
        assertTrue(test.core().webhooks().list().isEmpty());
    }

    @Test
    void endpointsNeedAnAbsoluteHttpUrl() {
        ScimgateException invalid = assertThrows(ScimgateException.class,
                () -> test.core().webhooks().create("ftp://example.com/x", null, List.of()));
        assertEquals(ErrorCode.INVALID_URL, invalid.code());
        assertThrows(ScimgateException.class, () -> test.core().webhooks().create("/relative", null, List.of()));
    }

    @Test
    void backoffDoublesUpToAnHourWithJitter() {
        for (int attempt = 1; attempt < 30; attempt++) {
            long expected = Math.min(5_000L << Math.min(attempt - 1, 20), 3_600_000L);
            long actual = WebhookDispatcher.backoff(attempt).toMillis();
            assertTrue(actual >= expected / 2 && actual <= expected * 3 / 2, attempt + ": " + actual);
        }
    }
}
