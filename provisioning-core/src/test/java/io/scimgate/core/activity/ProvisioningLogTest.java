package io.scimgate.core.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.events.Events;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.PendingEvent;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.WrittenTables;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvisioningLogTest {

    private static final int ROWS_PER_DIRECTORY = 3;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"));
    private final WrittenTables writes = new WrittenTables();
    private TestCore test;
    private ProvisioningCore core;
    private ProvisioningLog log;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start(writes::wrap,
                builder -> builder.clock(clock).provisioningLogRetention(Duration.ofDays(2), ROWS_PER_DIRECTORY));
        core = test.core();
        log = core.provisioningLog();
        Organization acme = core.organizations().create("Acme");
        String domain = core.domains().add(acme.id(), "acme.com", VerificationStrategy.MANUAL).id();
        core.domains().verify(acme.id(), domain);
        directoryId = core.directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private static DirectoryUserData user(String userName, String email, boolean active) {
        return new DirectoryUserData(userName, null, active, null, "Ana", "Lee",
                email == null ? List.of() : List.of(new EmailAddress(email, "work", true)), null, null, null,
                "{\"userName\":\"" + userName + "\"}");
    }

    /** Creates a directory user as a SCIM POST would, with a journal open, and logs it. */
    private ProvisioningLogEntry push(String userName, String email, boolean active) {
        log.record(created(directoryId, directoryId, userName, email, active));
        log.flush();
        return log.list(directoryId, null, 1).get(0);
    }

    /**
     * The request line of a user created in {@code createdIn} with a journal open, as recorded for
     * {@code loggedFor} (the directory of the request's URL), not yet written.
     */
    private LoggedRequest created(String createdIn, String loggedFor, String userName, String email, boolean active) {
        RequestJournal journal = RequestJournal.open();
        try {
            core.directoryUsers().create(createdIn, user(userName, email, active));
        } finally {
            RequestJournal.close();
        }
        return new LoggedRequest(loggedFor, clock.instant(), "POST", "Users", 201, 12, null, journal.changes());
    }

    /** The writer reads the provisioning states of a whole batch at once; each line still gets its own user's. */
    @Test
    void aBatchOfCreatesIsExplainedUserByUser() {
        core.directoryUsers().create(directoryId, user("first@acme.com", "shared@acme.com", true));
        String other = core.directories().create(core.directories().get(directoryId).organizationId(), "Entra",
                DirectoryProvider.ENTRA).directory().id();
        log.record(created(directoryId, directoryId, "00u1", null, true));
        log.record(created(directoryId, directoryId, "second@acme.com", "shared@acme.com", true));
        log.record(created(directoryId, directoryId, "ana@acme.com", "ana@acme.com", true));
        // Logged under another directory than its user's: that user's state is not read for it (P5).
        log.record(created(directoryId, other, "00u2", null, true));
        log.flush();

        List<String> reasons = log.list(directoryId, null, ROWS_PER_DIRECTORY).stream().map(ProvisioningLogEntry::reason).toList();
        assertEquals("active member of Acme: domain acme.com is verified (RULES.md P13)", reasons.get(0));
        assertTrue(reasons.get(1).startsWith("not provisioned: ") && reasons.get(1).endsWith("(RULES.md P10)"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("not provisioned: ") && reasons.get(2).endsWith("(RULES.md P9)"), reasons.get(2));
        assertEquals("linked to an existing member; membership unchanged (RULES.md P15)",
                log.list(other, null, 1).get(0).reason());
    }

    @Test
    void aMemberChangeIsExplainedWithTheGroupsName() {
        String ana = core.directoryUsers().create(directoryId, user("ana@acme.com", "ana@acme.com", true)).id();
        String groupId = core.directoryGroups().create(directoryId,
                new DirectoryGroupData("Engineering", null, "{\"displayName\":\"Engineering\"}"),
                List.<String>of()).id();
        RequestJournal journal = RequestJournal.open();
        try {
            core.directoryGroups().update(directoryId, groupId, null, edit -> edit.addMembers(List.of(ana)));
        } finally {
            RequestJournal.close();
        }
        log.record(new LoggedRequest(directoryId, clock.instant(), "PATCH", "Groups/" + groupId, 200, 5, null, journal.changes()));
        log.flush();

        String reason = log.list(directoryId, null, 1).get(0).reason();
        assertTrue(reason.startsWith("group Engineering changed: 1 member(s) added"), reason);
    }

    @Test
    void theJournalHoldsWhatTheRequestsTransactionsCommitted() {
        RequestJournal journal = RequestJournal.open();
        try {
            core.directoryUsers().create(directoryId, user("ana@acme.com", "ana@acme.com", true));
        } finally {
            RequestJournal.close();
        }
        assertEquals(List.of("dsync.user.created", "user.created", "organization_membership.created"),
                journal.changes().stream().map(PendingEvent::type).toList());
    }

    @Test
    void aRolledBackWriteLeavesNothingInTheJournal() {
        core.directoryUsers().create(directoryId, user("ana@acme.com", "ana@acme.com", true));
        RequestJournal journal = RequestJournal.open();
        try {
            assertThrows(ScimgateException.class,
                    () -> core.directoryUsers().create(directoryId, user("ANA@acme.com", "ana@acme.com", true)));
        } finally {
            RequestJournal.close();
        }
        assertEquals(List.of(), journal.changes());
    }

    @Test
    void nothingIsJournalledWithoutAnOpenJournal() {
        RequestJournal journal = RequestJournal.open();
        RequestJournal.close();
        core.directoryUsers().create(directoryId, user("ana@acme.com", "ana@acme.com", true));
        assertEquals(List.of(), journal.changes());
    }

    @Test
    void P13_anActiveMembershipIsExplainedByTheVerifiedDomain() {
        ProvisioningLogEntry entry = push("ana@acme.com", "ana@acme.com", true);
        assertEquals("active member of Acme: domain acme.com is verified (RULES.md P13)", entry.reason());
        assertEquals("organization_membership.created", entry.changes().get(2).path("event").asText());
        assertEquals("active", entry.changes().get(2).path("status").asText());
        assertTrue(entry.changes().get(0).path("attributes").isMissingNode(), "the IdP's whole document stays out");
        assertEquals("POST", entry.method());
        assertEquals(201, entry.status());
    }

    @Test
    void P14_aPendingMembershipIsExplainedByTheUnverifiedDomain() {
        ProvisioningLogEntry entry = push("gus@contractor.io", "gus@contractor.io", true);
        assertEquals("pending: domain contractor.io not verified for Acme; invited (RULES.md P14)", entry.reason());
    }

    @Test
    void P9_aUserWithoutEmailIsExplained() {
        ProvisioningLogEntry entry = push("00u7", null, true);
        assertTrue(entry.reason().startsWith("not provisioned: "), entry.reason());
        assertTrue(entry.reason().endsWith("(RULES.md P9)"), entry.reason());
    }

    @Test
    void P11_anInactiveUserIsExplained() {
        assertEquals("not provisioned: inactive in the identity provider (RULES.md P11)",
                push("bo@acme.com", "bo@acme.com", false).reason());
    }

    @Test
    void aRefusedRequestIsExplainedByItsError() {
        log.record(new LoggedRequest(directoryId, clock.instant(), "POST", "Users", 409, 3,
                "userName 'ana@acme.com' is taken", List.of()));
        log.flush();
        assertEquals("refused: userName 'ana@acme.com' is taken", log.list(directoryId, null, 1).get(0).reason());
    }

    @Test
    void aLineKeepsTheFirstChangesOfABulkRequestAndCountsTheRest() {
        ProvisioningLogEntry many = logBulk(ChangeExplainer.MAX_CHANGES + 150, 10);
        assertEquals(ChangeExplainer.MAX_CHANGES + 1, many.changes().size());
        assertEquals("omitted", many.changes().get(ChangeExplainer.MAX_CHANGES).path("event").asText());
        assertEquals(150, many.changes().get(ChangeExplainer.MAX_CHANGES).path("count").asInt());

        ProvisioningLogEntry large = logBulk(50, 2000);
        int kept = large.changes().size() - 1;
        assertTrue(kept < 50 && kept * 2000 <= ChangeExplainer.MAX_CHANGES_SIZE, "kept " + kept);
        assertEquals(50 - kept, large.changes().get(kept).path("count").asInt());
    }

    private ProvisioningLogEntry logBulk(int changes, int sizeOfEach) {
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            events.add(new PendingEvent("dsync.group.user_added", null, directoryId,
                    Events.data().put("padding", "x".repeat(sizeOfEach))));
        }
        log.record(new LoggedRequest(directoryId, clock.instant(), "POST", "Bulk", 200, 900, null, events));
        log.flush();
        return log.list(directoryId, null, 1).get(0);
    }

    @Test
    void successfulReadsAreCountedButNotLogged() {
        log.record(new LoggedRequest(directoryId, clock.instant(), "GET", "Users", 200, 1, null, List.of()));
        log.flush();
        assertEquals(List.of(), log.list(directoryId, null, 10));
        assertEquals(1, log.health(directoryId).requests());
    }

    @Test
    void linesOfAnUnknownDirectoryAreDropped() {
        log.record(new LoggedRequest("no-such-directory", clock.instant(), "POST", "Users", 401, 1, "token", List.of()));
        log.flush();
        assertEquals(List.of(), log.list("no-such-directory", null, 10));
    }

    /** All the lines of a flush are written in one transaction: in autocommit H2 commits (writes its file) once per row. */
    @Test
    void aFlushWritesItsLinesInOneCommit() {
        String other = anotherDirectory();
        log.prune(); // not again for ten minutes: the flush keeps more than ROWS_PER_DIRECTORY lines
        int lines = 300;
        for (int i = 0; i < lines; i++) {
            log.record(new LoggedRequest(i % 3 == 0 ? other : directoryId, clock.instant(), "POST", "Users", 201, 4, null,
                    List.of()));
        }
        writes.reset();
        log.flush();

        assertEquals(0, writes.autocommittedWrites("provisioning_log"));
        assertEquals(1, writes.commitsWriting("provisioning_log"));
        assertEquals(lines, lineCount(directoryId) + lineCount(other));
        assertEquals(lines / 3, lineCount(other));
    }

    /**
     * A directory deleted after the writer checked which directories exist fails the transaction of
     * the flush's lines; the lines of the other directories are written all the same.
     */
    @Test
    void aDirectoryDeletedDuringAFlushDoesNotLoseTheOthersLines() {
        String deleted = anotherDirectory();
        log.prune();
        for (int i = 0; i < 100; i++) {
            log.record(new LoggedRequest(i % 2 == 0 ? deleted : directoryId, clock.instant(), "POST", "Users", 201, 4,
                    null, List.of()));
        }
        writes.onceWhenPreparing(Pattern.compile("insert into (\\w+\\.)?provisioning_log"),
                () -> core.directories().delete(deleted));
        log.flush();

        assertEquals(50, lineCount(directoryId));
        assertEquals(0, lineCount(deleted));
        assertTrue(core.directories().find(deleted).isEmpty());
    }

    private String anotherDirectory() {
        return core.directories().create(core.directories().get(directoryId).organizationId(), "Entra",
                DirectoryProvider.ENTRA).directory().id();
    }

    private int lineCount(String directory) {
        int count = 0;
        for (Long before = null; ; ) {
            List<ProvisioningLogEntry> page = log.list(directory, before, ProvisioningLog.MAX_PAGE);
            count += page.size();
            if (page.size() < ProvisioningLog.MAX_PAGE) {
                return count;
            }
            before = page.get(page.size() - 1).id();
        }
    }

    @Test
    void healthCountsRequestsErrorsAndThrottledHourByHour() {
        Instant twoHoursAgo = clock.instant().minus(2, ChronoUnit.HOURS);
        log.record(new LoggedRequest(directoryId, twoHoursAgo, "POST", "Users", 201, 5, null, List.of()));
        log.record(new LoggedRequest(directoryId, clock.instant(), "GET", "Users", 200, 1, null, List.of()));
        log.record(new LoggedRequest(directoryId, clock.instant(), "GET", "Users", 429, 1, "slow down", List.of()));
        log.flush();
        log.record(new LoggedRequest(directoryId, clock.instant(), "PATCH", "Users/x", 404, 1, "no such user", List.of()));
        log.flush(); // a second flush adds to the same hour

        DirectoryHealth health = log.health(directoryId);
        assertEquals(24, health.hours().size());
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), health.hours().get(23).start());
        assertEquals(3, health.hours().get(23).requests());
        assertEquals(2, health.hours().get(23).errors());
        assertEquals(1, health.hours().get(23).throttled());
        assertEquals(1, health.hours().get(21).requests());
        assertEquals(4, health.requests());
        assertEquals(2, health.errors());
        assertEquals(1, health.throttled());
        assertEquals(clock.instant(), health.lastRequestAt());
        assertEquals(clock.instant(), health.lastErrorAt());
    }

    @Test
    void healthOfAQuietDirectoryIsZeros() {
        DirectoryHealth health = log.health(directoryId);
        assertNull(health.lastRequestAt());
        assertEquals(0, health.requests());
        assertTrue(health.hours().stream().allMatch(hour -> hour.requests() == 0));
    }

    @Test
    void eachDirectoryKeepsOnlyItsNewestLines() {
        for (int i = 0; i < ROWS_PER_DIRECTORY + 2; i++) {
            push("user" + i + "@acme.com", "user" + i + "@acme.com", true);
        }
        assertEquals(2, log.prune());
        List<ProvisioningLogEntry> kept = log.list(directoryId, null, 10);
        assertEquals(ROWS_PER_DIRECTORY, kept.size());
        assertTrue(kept.get(0).changes().toString().contains("user4@acme.com"), "the newest stay");
    }

    @Test
    void linesAndCountsOlderThanTheRetentionGo() {
        push("ana@acme.com", "ana@acme.com", true);
        clock.advance(Duration.ofDays(3));
        log.prune();
        assertEquals(List.of(), log.list(directoryId, null, 10));
        assertEquals(0, log.health(directoryId).requests());
    }

    @Test
    void pagesGoFromNewestToOldest() {
        ProvisioningLogEntry first = push("ana@acme.com", "ana@acme.com", true);
        ProvisioningLogEntry second = push("bo@acme.com", "bo@acme.com", true);
        assertEquals(List.of(second.id(), first.id()), log.list(directoryId, null, 10).stream().map(ProvisioningLogEntry::id).toList());
        assertEquals(List.of(first.id()), log.list(directoryId, second.id(), 10).stream().map(ProvisioningLogEntry::id).toList());
        assertThrows(ScimgateException.class, () -> log.list(directoryId, null, 101));
    }

    @Test
    void deletingTheDirectoryDeletesItsLog() {
        push("ana@acme.com", "ana@acme.com", true);
        core.directories().delete(directoryId);
        assertEquals(List.of(), log.list(directoryId, null, 10));
    }
}
