package io.scimgate.core.directory;

import static io.scimgate.core.directory.DirectoryUsersTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.TestCore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kept number of a directory's users (V34) that unfiltered lists answer totalResults with. */
class DirectoryUserTallyTest {

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

    private void assertSizeIsTheRowCount(String directory, int expected) {
        assertEquals(expected, users.listing().count(directory, DSL.noCondition()), "rows of the directory");
        assertEquals(expected, users.listing().size(directory), "the kept count");
    }

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
                            assertEquals("user_name_taken", taken.code(), taken.getMessage());
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
