package io.scimgate.core.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.testing.google.Fault;
import io.scimgate.core.testing.google.TestServiceAccount;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rate limits, server errors, broken pages and refused credentials: what a sync does about them. */
class GoogleSyncResilienceTest {

    private GoogleSyncHarness google;

    @BeforeEach
    void start() {
        google = new GoogleSyncHarness();
        GoogleSyncTest.standardWorkspace(google.workspace);
        google.configure();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("403 userRateLimitExceeded", (Supplier<Fault>) Fault::userRateLimitExceeded, "users#2 403"),
                Arguments.of("403 quotaExceeded", (Supplier<Fault>) Fault::quotaExceeded, "users#2 403"),
                Arguments.of("500 backendError", (Supplier<Fault>) Fault::backendError, "users#2 500"),
                Arguments.of("connection cut mid-page", (Supplier<Fault>) Fault::connectionCutMidPage, "users#2 cut"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void aTransientFaultMidSyncIsRetriedWithBackoffAndResumesOnThePageThatFailed(String name, Supplier<Fault> fault,
            String failedRequest) {
        google.google.fail("users", 2, fault.get(), 2);

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals(7, run.usersCreated());
        assertEquals(2, run.apiRetries());
        List<String> users = google.google.requests().stream().filter(request -> request.startsWith("users#")).toList();
        assertEquals(List.of("users#1 200", failedRequest, failedRequest, "users#2 200", "users#3 200", "users#4 200"), users,
                "page 1 is not read again: the retry asks for the same page token");
        assertExponentialWithJitter(google.waits);
    }

    /** Each wait lies between half and all of 1 s · 2^n, so the second is never shorter than the first's ceiling. */
    private static void assertExponentialWithJitter(List<Duration> waits) {
        assertEquals(2, waits.size(), waits::toString);
        assertTrue(waits.get(0).toMillis() >= 500 && waits.get(0).toMillis() <= 1000, waits::toString);
        assertTrue(waits.get(1).toMillis() >= 1000 && waits.get(1).toMillis() <= 2000, waits::toString);
    }

    @Test
    void aServerErrorOnAPageOfGroupMembersIsRetried() {
        google.google.fail("members:g-eng", 2, Fault.backendError(), 1);

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals(java.util.Set.of("101", "102", "106"), google.memberIds("g-eng"));
        assertTrue(google.google.requests().containsAll(List.of("members:g-eng#2 500", "members:g-eng#2 200")));
    }

    @Test
    void aPageThatNeverLoadsFailsTheRunDeletesNobodyAndTheNextRunRepairs() {
        google.syncNow();
        google.workspace.renameUser("101", "ana.lee@corp.example");
        google.workspace.removeUser("102");
        google.workspace.removeUser("107");
        int retries = Backoff.defaults().maxRetries();
        google.google.fail("users", 3, Fault.backendError(), retries + 1);

        SyncRun failed = google.syncNow();

        assertEquals(SyncRun.FAILED, failed.status());
        assertTrue(failed.error().contains("users.list") && failed.error().contains("backendError"), failed.error());
        assertEquals(retries, failed.apiRetries());
        assertEquals("ana.lee@corp.example", google.user("101").userName(), "pages read before the failure are applied");
        assertTrue(google.hasUser("102") && google.hasUser("107"), "nobody is deleted on an incomplete listing");
        assertEquals(0, failed.usersDeleted());
        assertEquals(java.util.Set.of("101", "102", "106"), google.memberIds("g-eng"), "groups are left for the next run");

        SyncRun repaired = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, repaired.status(), repaired::toString);
        assertFalse(google.hasUser("102"));
        assertFalse(google.hasUser("107"));
        assertEquals(2, repaired.usersDeleted());
        assertEquals(java.util.Set.of("101", "106"), google.memberIds("g-eng"));
    }

    @Test
    void aFailedGroupListingChangesNothingAtAll() {
        google.syncNow();
        google.workspace.removeUser("102");
        long lastEvent = google.lastEventId();
        google.google.fail("groups", 2, Fault.notAuthorized(), 1);

        SyncRun failed = google.syncNow();

        assertEquals(SyncRun.FAILED, failed.status());
        assertTrue(google.hasUser("102"));
        assertEquals(List.of(), google.eventTypesAfter(lastEvent));
    }

    @Test
    void aMissingPrivilegeIsNotRetried() {
        google.google.fail("users", 1, Fault.notAuthorized(), 1);

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.FAILED, run.status());
        assertTrue(run.error().contains("403 forbidden: Not Authorized to access this resource/api"), run.error());
        assertEquals(List.of(), google.waits);
        assertEquals(0, run.apiRetries());
    }

    @Test
    void aRefusedAccessTokenIsReplacedOnceAndTheSyncGoesOn() {
        google.google.fail("users", 2, Fault.invalidCredentials(), 1);

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals(2, google.google.requests().stream().filter("token#1 200"::equals).count(), "a second token was fetched");
        assertEquals(List.of(), google.waits, "no backoff for a stale token");
    }

    @Test
    void oneAccessTokenServesTheWholeRun() {
        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertTrue(google.google.requests().stream().filter(request -> request.startsWith("users#")).count() > 1);
        assertEquals(List.of("token#1 200"), google.google.requests().stream().filter(request -> request.startsWith("token#")).toList(),
                "the auth library caches the token it fetched");
    }

    @Test
    void aTokenEndpointServerErrorIsRetriedWithTheSyncsBackoff() {
        google.google.fail("token", 1, Fault.backendError(), 2);

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals(List.of("token#1 500", "token#1 500", "token#1 200"),
                google.google.requests().stream().filter(request -> request.startsWith("token#")).toList());
        assertEquals(2, run.apiRetries());
        assertEquals(2, google.waits.size(), "the sync's own backoff, not the library's");
    }

    @Test
    void aKeyGoogleDoesNotKnowIsRefusedAtTheTokenEndpointWithGooglesErrorOnly() {
        google.sync().directories().configure(google.directoryId, new GoogleDirectorySettings(null, GoogleSyncHarness.ADMIN,
                TestServiceAccount.withUnknownKey().keyJson(), null, List.of(), null));

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.FAILED, run.status());
        assertEquals("the OAuth token request for " + GoogleSyncHarness.ADMIN + " failed with HTTP 400 invalid_grant:"
                + " Invalid JWT Signature.", run.error(), "Google's error only: nothing of the request, the key or the library's message");
        assertEquals(List.of(), google.users());
    }

    @Test
    void anAdminTheAccountMayNotImpersonateIsReportedAsMissingDelegation() {
        google.sync().directories().configure(google.directoryId, new GoogleDirectorySettings(null, "someone@corp.example",
                TestServiceAccount.create().keyJson(), null, List.of(), null));

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.FAILED, run.status());
        assertTrue(run.error().contains("unauthorized_client"), run.error());
    }

    @Test
    void aCustomerGoogleDoesNotKnowFailsTheRun() {
        google.sync().directories().configure(google.directoryId, new GoogleDirectorySettings("C0nobody", GoogleSyncHarness.ADMIN,
                null, null, List.of(), null));

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.FAILED, run.status());
        assertTrue(run.error().contains("400 badRequest"), run.error());
    }
}
