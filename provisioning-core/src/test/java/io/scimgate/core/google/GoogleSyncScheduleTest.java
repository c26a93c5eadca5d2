package io.scimgate.core.google;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.testing.google.FakeAdminSdk;
import io.scimgate.core.testing.google.Fault;
import io.scimgate.core.testing.google.TestServiceAccount;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When syncs run: on schedule, on request, one at a time per directory across instances; and their history. */
class GoogleSyncScheduleTest {

    private GoogleSyncHarness google;
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @BeforeEach
    void start() {
        google = new GoogleSyncHarness(options -> options.withLease(Duration.ofMinutes(5)));
        GoogleSyncTest.standardWorkspace(google.workspace);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
        google.close();
    }

    /** Another scimgate instance on the same store, the same fake Google and the same clock. */
    private ProvisioningCore secondInstance() {
        HikariDataSource dataSource = google.test.database().dataSource();
        closeAfter.add(dataSource);
        return google.configure(ProvisioningCore.builder().dataSource(dataSource), UnaryOperator.identity()).build();
    }

    @Test
    void newSettingsAreSyncedAtOnceThenEveryIntervalAfterTheRunEnds() {
        google.sync().directories().configure(google.directoryId, new GoogleDirectorySettings(null, GoogleSyncHarness.ADMIN,
                TestServiceAccount.create().keyJson(), null, List.of(), Duration.ofMinutes(10)));

        List<SyncRun> first = google.sync().syncDue();
        assertEquals(1, first.size());
        assertEquals(GoogleSync.TRIGGER_REQUEST, first.get(0).trigger());
        assertEquals(List.of(), google.sync().syncDue(), "nothing is due right after a run");

        google.clock.advance(Duration.ofMinutes(9));
        assertEquals(List.of(), google.sync().syncDue());
        google.clock.advance(Duration.ofMinutes(2));
        List<SyncRun> second = google.sync().syncDue();
        assertEquals(1, second.size());
        assertEquals(GoogleSync.TRIGGER_SCHEDULE, second.get(0).trigger());
        assertEquals(google.clock.instant().plus(Duration.ofMinutes(10)),
                google.sync().directories().get(google.directoryId).nextSyncAt());
    }

    @Test
    void theDefaultIntervalIsThirtyMinutes() {
        google.configure();
        google.sync().syncDue();

        GoogleDirectoryConfig config = google.sync().directories().get(google.directoryId);
        assertEquals(Duration.ofMinutes(30), config.syncInterval());
        assertEquals(google.clock.instant().plus(Duration.ofMinutes(30)), config.nextSyncAt());
    }

    @Test
    void syncNowIsRunByTheNextLookAtDueDirectories() {
        google.configure();
        google.sync().syncDue();

        google.sync().directories().requestSync(google.directoryId);
        List<SyncRun> ran = google.sync().syncDue();

        assertEquals(1, ran.size());
        assertEquals(GoogleSync.TRIGGER_REQUEST, ran.get(0).trigger());
        assertEquals(null, google.sync().directories().get(google.directoryId).syncRequestedAt());
    }

    @Test
    void twoInstancesNeverSyncOneDirectoryAtOnce() throws Exception {
        google.configure();
        ProvisioningCore other = secondInstance();
        FakeAdminSdk.Gate gate = google.google.gate("users", 2);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        closeAfter.add(executor::shutdownNow);

        Future<Optional<SyncRun>> first = executor.submit(() -> google.sync().syncNow(google.directoryId));
        gate.awaitArrival();

        assertTrue(other.google().directories().get(google.directoryId).syncing());
        assertEquals(Optional.empty(), other.google().syncNow(google.directoryId), "the other instance does not start a second run");
        assertEquals(List.of(), other.google().syncDue());
        assertEquals(Optional.empty(), google.sync().syncNow(google.directoryId), "nor does a second thread of the same instance");

        gate.open();
        SyncRun run = first.get(30, TimeUnit.SECONDS).orElseThrow();
        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals(1, google.sync().runs().list(google.directoryId, 10).size());
        assertFalse(other.google().directories().get(google.directoryId).syncing());
        assertTrue(other.google().syncNow(google.directoryId).isPresent(), "free again once the run is over");
    }

    @Test
    void ofManyInstancesRacingForOneLeaseExactlyOneWins() throws Exception {
        google.configure();
        int contenders = 8;
        ExecutorService executor = Executors.newFixedThreadPool(contenders);
        closeAfter.add(executor::shutdownNow);
        CountDownLatch ready = new CountDownLatch(contenders);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String owner = "instance-" + i;
            attempts.add(() -> {
                ready.countDown();
                ready.await();
                return SyncLease.acquire(CoreInternals.database(google.core()), google.clock, Duration.ofMinutes(5), google.directoryId, owner)
                        .isPresent();
            });
        }
        long winners = 0;
        for (Future<Boolean> attempt : executor.invokeAll(attempts)) {
            winners += attempt.get() ? 1 : 0;
        }
        assertEquals(1, winners);
    }

    @Test
    void theLeaseOfAnInstanceThatDiedIsTakenOverOnceExpiredAndItsRunClosed() {
        google.configure();
        SyncLease dead = SyncLease.acquire(CoreInternals.database(google.core()), google.clock, Duration.ofMinutes(5), google.directoryId,
                "dead-instance").orElseThrow();
        String deadRun = google.sync().runs().start(google.directoryId, GoogleSync.TRIGGER_SCHEDULE).getId();
        assertNotNull(dead);

        google.clock.advance(Duration.ofMinutes(4));
        assertEquals(List.of(), google.sync().syncDue(), "a live lease is respected");
        google.clock.advance(Duration.ofMinutes(2));
        List<SyncRun> ran = google.sync().syncDue();

        assertEquals(1, ran.size());
        assertEquals(SyncRun.SUCCEEDED, ran.get(0).status());
        SyncRun abandoned = google.sync().runs().list(google.directoryId, 10).stream()
                .filter(run -> run.id().equals(deadRun)).findFirst().orElseThrow();
        assertEquals(SyncRun.FAILED, abandoned.status());
        assertTrue(abandoned.error().startsWith("Abandoned"), abandoned.error());
    }

    @Test
    void aRunThatLostItsLeaseStopsAndSaysSo() throws Exception {
        google.configure();
        ProvisioningCore other = secondInstance();
        FakeAdminSdk.Gate gate = google.google.gate("users", 2);
        CompletableFuture<Optional<SyncRun>> slow = CompletableFuture.supplyAsync(() -> google.sync().syncNow(google.directoryId));
        gate.awaitArrival();

        google.clock.advance(Duration.ofMinutes(6));
        SyncRun takeover = other.google().syncNow(google.directoryId).orElseThrow();
        gate.open();
        SyncRun stopped = slow.get(30, TimeUnit.SECONDS).orElseThrow();

        assertEquals(SyncRun.SUCCEEDED, takeover.status(), takeover::toString);
        assertEquals(SyncRun.FAILED, stopped.status());
        assertTrue(stopped.error().contains("lost its lease"), stopped.error());
        assertEquals(0, stopped.usersDeleted() + stopped.groupsDeleted());
    }

    @Test
    void aSyncRequestedDuringARunLeadsToOneMoreRunAfterIt() throws Exception {
        google.configure();
        FakeAdminSdk.Gate gate = google.google.gate("users", 2);
        CompletableFuture<List<SyncRun>> running = CompletableFuture.supplyAsync(() -> google.sync().syncDue());
        gate.awaitArrival();

        google.clock.advance(Duration.ofSeconds(1));
        google.sync().directories().requestSync(google.directoryId);
        gate.open();
        assertEquals(1, running.get(30, TimeUnit.SECONDS).size());

        List<SyncRun> again = google.sync().syncDue();
        assertEquals(1, again.size(), "the request came after the run had read its settings");
        assertEquals(GoogleSync.TRIGGER_REQUEST, again.get(0).trigger());
        assertEquals(List.of(), google.sync().syncDue());
    }

    @Test
    void everyRunIsRecordedNewestFirstAndOnlyTheNewestAreKept() {
        google.close();
        google = new GoogleSyncHarness(options -> new GoogleOptions(options.tokenUrl(), options.apiBaseUrl(),
                options.backoff(), options.requestTimeout(), options.lease(), 3));
        GoogleSyncTest.standardWorkspace(google.workspace);
        google.configure();

        SyncRun first = google.syncNow();
        google.workspace.removeUser("102");
        google.syncNow();
        google.google.fail("users", 1, Fault.notAuthorized(), 1);
        google.syncNow();
        google.clock.advance(Duration.ofMinutes(1));
        SyncRun last = google.syncNow();

        List<SyncRun> runs = google.sync().runs().list(google.directoryId, 10);
        assertEquals(3, runs.size());
        assertEquals(last.id(), runs.get(0).id());
        assertEquals(List.of(SyncRun.SUCCEEDED, SyncRun.FAILED, SyncRun.SUCCEEDED), runs.stream().map(SyncRun::status).toList());
        assertEquals(1, runs.get(2).usersDeleted());
        assertTrue(runs.stream().noneMatch(run -> run.id().equals(first.id())), "the oldest run was trimmed");
        assertEquals(OffsetDateTime.of(2025, 3, 1, 9, 1, 0, 0, ZoneOffset.UTC).toInstant(), last.startedAt());
        assertNotNull(last.finishedAt());
        assertEquals(1, google.sync().runs().list(google.directoryId, 1).size());
    }

    @Test
    void theSchedulerRunsARequestedSyncWithoutWaitingForItsPoll() throws Exception {
        google.configure();
        google.sync().syncDue();
        GoogleSyncScheduler scheduler = new GoogleSyncScheduler(google.sync(), Duration.ofHours(1));
        closeAfter.add(scheduler);
        scheduler.start();

        google.sync().directories().requestSync(google.directoryId);

        SyncRun run = awaitRuns(2).get(0);
        assertEquals(GoogleSync.TRIGGER_REQUEST, run.trigger());
        assertEquals(SyncRun.SUCCEEDED, run.status());
    }

    @Test
    void stoppingTheSchedulerMidRunRecordsTheRunAsFailedAndFreesTheLease() throws Exception {
        google.configure();
        FakeAdminSdk.Gate gate = google.google.gate("users", 2);
        GoogleSyncScheduler scheduler = new GoogleSyncScheduler(google.sync(), Duration.ofHours(1));
        closeAfter.add(gate::open);
        scheduler.start();
        gate.awaitArrival();

        scheduler.close();

        SyncRun run = google.sync().runs().list(google.directoryId, 1).get(0);
        assertEquals(SyncRun.FAILED, run.status());
        assertEquals("The sync was stopped", run.error());
        assertFalse(google.sync().directories().get(google.directoryId).syncing());
    }

    private List<SyncRun> awaitRuns(int count) {
        return await("at least " + count + " finished runs").atMost(Duration.ofSeconds(20))
                .until(() -> google.sync().runs().list(google.directoryId, 10),
                        runs -> runs.size() >= count && !runs.get(0).status().equals(SyncRun.RUNNING));
    }
}
