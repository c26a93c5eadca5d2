package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two IdP workers racing to create one person: the unique index decides, the loser gets 409. */
class UserNameRaceTest extends ServerTest {

    @Test
    void concurrentCreatesOfOneUserNameGiveOne201AndOnly409s() throws Exception {
        int racers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<HttpReply>> attempts = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String spelling = i % 2 == 0 ? "race@x.example" : "Race@X.example";
                attempts.add(() -> scim.post("Users", user(spelling, "race")));
            }
            int created = 0;
            for (Future<HttpReply> attempt : pool.invokeAll(attempts, 60, TimeUnit.SECONDS)) {
                HttpReply reply = attempt.get();
                if (reply.status() == 201) {
                    created++;
                } else {
                    ScimErrorsTest.assertScimError(reply, 409, "uniqueness");
                }
            }
            assertEquals(1, created);
            assertEquals(1, scim.get("Users?count=0").json().get("totalResults").asInt());
        } finally {
            pool.shutdownNow();
        }
    }
}
