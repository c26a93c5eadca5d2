package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IDP-QUIRKS.md §10.18: beyond a directory's budget, 429 with Retry-After, never a 5xx or a partial write. */
class ThrottleTest {

    @Test
    @DisplayName("§11.25 Throttle: 60 parallel PATCHes above the tenant budget → 429 with Retry-After for the excess, no 5xx, no partial writes")
    @Scenario(25)
    void excessRequestsAreThrottled() throws Exception {
        Tenant tenant = Tenant.of("entra");
        String id = Json.id(tenant.scim.post("Users", "{\"userName\":\"" + tenant.employee("busy") + "\"}"));
        expect(200, tenant.admin.http().patch("directories/" + tenant.directory.id(),
                "{\"rateLimit\":{\"requestsPerSecond\":2,\"burst\":10}}"));

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<HttpReply>> patches = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String number = "+1 555 01" + String.format("%02d", i);
            patches.add(() -> tenant.scim.patch("Users/" + id, patch(
                    "[{\"op\":\"add\",\"path\":\"phoneNumbers\",\"value\":[{\"value\":\"" + number + "\",\"type\":\"work\"}]}]")));
        }
        int succeeded = 0;
        int throttled = 0;
        try {
            for (Future<HttpReply> future : pool.invokeAll(patches, 120, TimeUnit.SECONDS)) {
                HttpReply reply = future.get();
                if (reply.status() == 200 || reply.status() == 204) {
                    succeeded++;
                } else {
                    assertEquals(429, reply.status(), reply::toString);
                    assertTrue(Integer.parseInt(reply.header("Retry-After").orElseThrow()) >= 1);
                    assertEquals(Json.ERROR, reply.json().at("/schemas/0").asText());
                    throttled++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(throttled > 0, "some requests were beyond the budget");
        assertEquals(60, succeeded + throttled);
        expect(200, tenant.admin.http().patch("directories/" + tenant.directory.id(), "{\"rateLimit\":null}"));
        HttpReply read = tenant.scim.get("Users/" + id);
        if (read.status() == 429) {
            // The directory's bucket is still empty for a moment: wait as the answer says, as a client does.
            Thread.sleep(1000L * Integer.parseInt(read.header("Retry-After").orElseThrow()));
            read = tenant.scim.get("Users/" + id);
        }
        JsonNode user = expect(200, read);
        assertEquals(succeeded, user.get("phoneNumbers").size(), "exactly the acknowledged PATCHes were applied");
    }
}
