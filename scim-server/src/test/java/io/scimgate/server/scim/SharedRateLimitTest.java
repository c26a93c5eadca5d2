package io.scimgate.server.scim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.ScimgateServer;
import io.scimgate.server.ServerConfig;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A directory's request budget holds across instances sharing a PostgreSQL store: each instance
 * enforces its share, from the number of live instances their heartbeats show, so adding
 * instances does not multiply a tenant's budget. Counts requests, not time: the budget refills by
 * 1 per second, and the bounds leave room for a slow machine. An H2 file is one process's store,
 * so there each server keeps the whole budget.
 */
class SharedRateLimitTest {

    private static final Map<String, String> BUDGET = Map.of("SCIMGATE_RATE_LIMIT", "1", "SCIMGATE_RATE_BURST", "20");

    @Test
    void twoInstancesTogetherAcceptAboutOneBudgetAndOneAloneGetsAllOfItBack() {
        try (TestServer first = TestServer.start(BUDGET)) {
            ServerConfig secondConfig = TestServer.config(first.database(), first.adminToken())
                    .with(ServerConfig.RATE_LIMIT, 1).with(ServerConfig.RATE_BURST, 20);
            DirectoryAccess directory = first.newDirectory("okta");
            int acceptedByTwo;
            int instances = first.database().isPostgres() ? 2 : 1;
            try (ScimgateServer second = ScimgateServer.start(secondConfig)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> first.server().liveInstances() == instances && second.liveInstances() == instances);
                Http viaFirst = directory.scim();
                Http viaSecond = new Http(second.baseUrl() + "/scim/v2/" + directory.id()).bearer(directory.token());
                acceptedByTwo = 0;
                for (int i = 0; i < 30; i++) {
                    acceptedByTwo += accepted(viaFirst) + accepted(viaSecond);
                }
            }
            int two = acceptedByTwo;
            if (instances == 2) {
                assertTrue(two >= 20 && two < 30, () -> two + " of 60 requests accepted by two instances with a burst of 20 between"
                        + " them (40 would mean each had the whole budget)");
            } else {
                assertTrue(two >= 40, () -> two + " of 60 requests accepted by two servers on one H2 file, each with its burst of 20");
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> first.server().liveInstances() == 1);
            DirectoryAccess fresh = first.newDirectory("okta");
            int alone = 0;
            for (int i = 0; i < 30; i++) {
                alone += accepted(fresh.scim());
            }
            int one = alone;
            assertTrue(one >= 20, () -> one + " of 30 requests accepted by the instance left alone, with its burst of 20");
        }
    }

    private static int accepted(Http scim) {
        int status = scim.get("Users?count=0").status();
        assertTrue(status == 200 || status == 429, "status " + status);
        return status == 200 ? 1 : 0;
    }
}
