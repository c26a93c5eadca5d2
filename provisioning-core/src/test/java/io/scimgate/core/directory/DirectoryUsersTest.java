package io.scimgate.core.directory;

import io.scimgate.core.directory.internal.DirectoryUserRows;
import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.TestCore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryUsersTest {

    private TestCore test;
    private DirectoryUsers users;
    private String directoryId;
    private String otherDirectoryId;

    @BeforeEach
    void start() {
        test = TestCore.start();
        users = test.core().directoryUsers();
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
        otherDirectoryId = test.core().directories().create(acme.id(), "Entra", DirectoryProvider.ENTRA).directory().id();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    static DirectoryUserData user(String userName) {
        return new DirectoryUserData(userName, null, true, null, "Ana", "Lee",
                List.of(new EmailAddress(userName, "work", true)), null, null, null, "{\"userName\":\"" + userName + "\"}");
    }

    @Test
    void P7_valuesAreStoredExactlyAsSent() {
        DirectoryUser created = users.create(directoryId, user("Ana.Lee@Corp.Example"));
        DirectoryUser read = users.get(directoryId, created.id());
        assertEquals("Ana.Lee@Corp.Example", read.userName());
        assertEquals("Ana.Lee@Corp.Example", read.primaryEmail());
        assertEquals(created, read);
        assertEquals(1, read.version());
    }

    @Test
    void P7_userNameIsRequired() {
        ScimgateException missing = assertThrows(ScimgateException.class, () -> users.create(directoryId, user(" ")));
        assertEquals(ErrorCode.USER_NAME_REQUIRED, missing.code());
    }

    @Test
    void P7_userNameIsUniquePerDirectoryIgnoringCase() {
        users.create(directoryId, user("ana@corp.example"));
        ScimgateException duplicate = assertThrows(ScimgateException.class,
                () -> users.create(directoryId, user("ANA@corp.example")));
        assertEquals(ScimgateException.Kind.CONFLICT, duplicate.kind());
        assertEquals(ErrorCode.USER_NAME_TAKEN, duplicate.code());
        users.create(otherDirectoryId, user("ana@corp.example"));
    }

    @Test
    void P7_renamingOntoAnotherUsersNameIsAConflictAndChangesNothing() {
        users.create(directoryId, user("ana@corp.example"));
        DirectoryUser bo = users.create(directoryId, user("bo@corp.example"));
        assertThrows(ScimgateException.class,
                () -> users.update(directoryId, bo.id(), null, current -> user("Ana@Corp.example")));
        assertEquals(bo, users.get(directoryId, bo.id()));
    }

    @Test
    void P5_aDirectorySeesOnlyItsOwnUsers() {
        DirectoryUser ana = users.create(directoryId, user("ana@corp.example"));
        assertTrue(users.find(otherDirectoryId, ana.id()).isEmpty());
        ScimgateException notFound = assertThrows(ScimgateException.class,
                () -> users.update(otherDirectoryId, ana.id(), null, current -> user("x@corp.example")));
        assertEquals(ScimgateException.Kind.NOT_FOUND, notFound.kind());
        assertThrows(ScimgateException.class, () -> users.delete(otherDirectoryId, ana.id(), null));
        assertEquals(0, users.listing().find(otherDirectoryId, DSL.trueCondition(), List.of(), 0, 10).total());
        assertEquals(ana, users.get(directoryId, ana.id()));
    }

    @Test
    void P5_aUserAndItsGroupsAreReadOnlyInTheirOwnDirectory() {
        DirectoryUser ana = users.create(directoryId, user("ana@corp.example"));
        DirectoryUser bo = users.create(directoryId, user("bo@corp.example"));
        DirectoryGroups groups = test.core().directoryGroups();
        DirectoryGroup first = groups.create(directoryId, new DirectoryGroupData("First", null, "{}"), List.of(ana.id(), bo.id()));

        assertEquals(ana, users.find(directoryId, ana.id()).orElseThrow());
        assertTrue(users.find(otherDirectoryId, ana.id()).isEmpty(), "another directory's user is not found");
        assertTrue(users.find(directoryId, "no-such-id").isEmpty());
        assertTrue(groups.find(otherDirectoryId, first.id()).isEmpty(), "nor another directory's group");
        assertEquals(first.id(), groups.find(directoryId, first.id()).orElseThrow().id());
        assertEquals(List.of(ana.id(), bo.id()), groups.members(directoryId, first.id()).stream().map(GroupMember::userId).toList());
        assertEquals(List.of(), groups.members(otherDirectoryId, first.id()), "nor its members");
    }

    @Test
    void updatesAreVersionedAndCheckedAgainstTheExpectedVersion() {
        DirectoryUser ana = users.create(directoryId, user("ana@corp.example"));
        DirectoryUser renamed = users.update(directoryId, ana.id(), 1L, current -> user("ana.lee@corp.example"));
        assertEquals(2, renamed.version());
        ScimgateException stale = assertThrows(ScimgateException.class,
                () -> users.update(directoryId, ana.id(), 1L, current -> user("other@corp.example")));
        assertEquals(ScimgateException.Kind.PRECONDITION_FAILED, stale.kind());
        assertEquals("ana.lee@corp.example", users.get(directoryId, ana.id()).userName());
    }

    @Test
    void emailsAreSearchableCaseInsensitively() {
        DirectoryUser ana = users.create(directoryId, user("Ana@Corp.Example"));
        Page<DirectoryUser> page = users.listing().find(directoryId,
                DirectoryUserRows.hasEmail(io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL.EMAIL_KEY
                        .eq(DirectoryUsers.emailKey(" ana@CORP.example"))), List.of(), 0, 10);
        assertEquals(List.of(ana), page.items());
    }

    @Test
    void P7_concurrentCreatesOfOneUserNameLeaveExactlyOne() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String spelling = i % 2 == 0 ? "race@corp.example" : "RACE@corp.example";
                attempts.add(() -> {
                    try {
                        users.create(directoryId, user(spelling));
                        return true;
                    } catch (ScimgateException e) {
                        assertEquals(ErrorCode.USER_NAME_TAKEN, e.code());
                        return false;
                    }
                });
            }
            int created = 0;
            for (Future<Boolean> attempt : pool.invokeAll(attempts, 60, TimeUnit.SECONDS)) {
                created += attempt.get() ? 1 : 0;
            }
            assertEquals(1, created);
            assertEquals(1, users.listing().find(directoryId, DSL.trueCondition(), List.of(), 0, 10).total());
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertSizeIsTheRowCount(String directory, int expected) {
        assertEquals(expected, users.listing().count(directory, DSL.noCondition()), "rows of the directory");
        assertEquals(expected, users.listing().size(directory).rows(), "the kept count");
    }

    /** The kept number of a directory's users (V82.3) that unfiltered lists answer totalResults with. */
    @Test
    void theSizeFollowsCreatesDeletesAndRefusedCreatesPerDirectory() {
        assertSizeIsTheRowCount(directoryId, 0);
        DirectoryUser ana = users.create(directoryId, user("ana@corp.example"));
        users.create(directoryId, user("bo@corp.example"));
        users.create(otherDirectoryId, user("ana@corp.example"));
        assertThrows(ScimgateException.class, () -> users.create(directoryId, user("ANA@corp.example")),
                "a userName taken in the directory");
        assertSizeIsTheRowCount(directoryId, 2);
        assertSizeIsTheRowCount(otherDirectoryId, 1);

        users.delete(directoryId, ana.id(), null);
        assertThrows(ScimgateException.class, () -> users.delete(directoryId, ana.id(), null), "already deleted");
        assertThrows(ScimgateException.class, () -> users.delete(otherDirectoryId, ana.id(), null), "another directory's id");
        assertSizeIsTheRowCount(directoryId, 1);
        assertSizeIsTheRowCount(otherDirectoryId, 1);
    }

    @Test
    void concurrentCreatesDeletesAndConflictsKeepTheSizeExact() throws Exception {
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        DirectoryUser created = users.create(directoryId, user("t" + thread + "-" + i + "@corp.example"));
                        // Every thread also races the others for one shared userName per round: one wins.
                        try {
                            users.create(directoryId, user("shared-" + i + "@corp.example"));
                        } catch (ScimgateException taken) {
                            assertEquals(ErrorCode.USER_NAME_TAKEN, taken.code(), taken.getMessage());
                        }
                        if (i % 3 == 0) {
                            users.delete(directoryId, created.id(), null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        int kept = threads * (perThread - (perThread + 2) / 3) + perThread;
        assertSizeIsTheRowCount(directoryId, kept);
        assertSizeIsTheRowCount(otherDirectoryId, 0);
    }
}
