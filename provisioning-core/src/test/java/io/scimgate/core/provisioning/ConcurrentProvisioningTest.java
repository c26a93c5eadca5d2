package io.scimgate.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.provisioning.DirectoryUserStatuses.Entry;
import io.scimgate.core.testing.ProvisioningFixture;
import io.scimgate.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The database decides races: many directories of several organizations push the same person at
 * once, and exactly one User comes out, with one membership per organization and one provisioned
 * directory user per directory (P10, P12, P13, P14).
 */
class ConcurrentProvisioningTest {

    private static final String EMAIL = "race@race.example";
    private static final int DIRECTORIES_PER_ORGANIZATION = 2;
    private static final int PUSHES_PER_DIRECTORY = 3;

    @Test
    void concurrentCreatesOfOneEmailGiveOneUserAndTheRightMemberships() throws Exception {
        try (ProvisioningFixture f = new ProvisioningFixture()) {
            String verifiedOne = f.organization("Verified one", "race.example");
            String verifiedTwo = f.organization("Verified two", "race.example");
            String guestOrg = f.organization("Guest org");
            List<String> organizations = List.of(verifiedOne, verifiedTwo, guestOrg);
            List<String> directories = new ArrayList<>();
            for (String organization : organizations) {
                for (int i = 0; i < DIRECTORIES_PER_ORGANIZATION; i++) {
                    directories.add(f.directory(organization));
                }
            }

            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Void>> pushes = new ArrayList<>();
            for (String directory : directories) {
                for (int n = 0; n < PUSHES_PER_DIRECTORY; n++) {
                    String userName = "race-" + n;
                    String spelling = n % 2 == 0 ? EMAIL : EMAIL.toUpperCase();
                    pushes.add(() -> {
                        start.await();
                        f.push(directory, new DirectoryUserData(userName, null, true, null, "Race", "Runner",
                                List.of(new EmailAddress(spelling, "work", true)), null, null, null, "{}"));
                        return null;
                    });
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(pushes.size());
            try {
                List<Future<Void>> results = new ArrayList<>();
                for (Callable<Void> push : pushes) {
                    results.add(pool.submit(push));
                }
                start.countDown();
                for (Future<Void> result : results) {
                    result.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            User user = f.user(EMAIL).orElseThrow();
            assertEquals(1, f.events("user.created").size());
            assertEquals(MembershipStatus.ACTIVE, f.core().memberships().find(verifiedOne, user.id()).orElseThrow().status());
            assertEquals(MembershipStatus.ACTIVE, f.core().memberships().find(verifiedTwo, user.id()).orElseThrow().status());
            assertEquals(MembershipStatus.PENDING, f.core().memberships().find(guestOrg, user.id()).orElseThrow().status());
            assertEquals(3, f.core().memberships().listOfUser(user.id()).size());
            assertEquals(1, f.core().invitations().list(guestOrg, InvitationState.PENDING).size());
            assertEquals(3, f.events("organization_membership.created").size());

            for (String directory : directories) {
                List<Entry> entries = f.core().directoryUserStatuses().list(directory, null, 100);
                Map<ProvisioningState, Long> states = entries.stream()
                        .collect(Collectors.groupingBy(entry -> entry.status().state(), Collectors.counting()));
                assertEquals(Map.of(ProvisioningState.PROVISIONED, 1L, ProvisioningState.DUPLICATE_EMAIL,
                        (long) PUSHES_PER_DIRECTORY - 1), states, "directory " + directory + ": " + entries);
                entries.stream().filter(entry -> entry.status().state() == ProvisioningState.PROVISIONED)
                        .forEach(entry -> assertEquals(user.id(), entry.status().userId()));
                // A create that chose an id for a new person and lost the race to create it keeps no trace of that id.
                entries.stream().filter(entry -> entry.status().state() == ProvisioningState.DUPLICATE_EMAIL)
                        .forEach(entry -> assertNull(entry.status().userId(), entry::toString));
            }
        }
    }

}
