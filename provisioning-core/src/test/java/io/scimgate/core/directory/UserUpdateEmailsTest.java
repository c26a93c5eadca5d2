package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.WrittenTables;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An update writes a user's email rows only when its emails change: a PATCH of {@code active} or a
 * rename leaves them, and rewriting the same rows cost every B-tree of the email table per commit.
 * Whichever way, the rows are the emails sent, in order, those without a value left out.
 */
class UserUpdateEmailsTest {

    private final WrittenTables writes = new WrittenTables();
    private TestCore test;
    private DirectoryUsers users;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start(writes::wrap, builder -> builder);
        users = test.core().directoryUsers();
        String organizationId = test.core().organizations().create("Acme").id();
        directoryId = test.core().directories().create(organizationId, "Okta", DirectoryProvider.OKTA).directory().id();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    /** A user whose document, as a directory's would, holds every value its columns and email rows are taken from. */
    private static DirectoryUserData user(boolean active, String givenName, EmailAddress... emails) {
        return new DirectoryUserData("ana@corp.example", null, active, null, givenName, "Lee", Arrays.asList(emails),
                null, null, null, "{\"userName\":\"ana@corp.example\",\"active\":" + active + ",\"given\":\"" + givenName
                        + "\",\"emails\":\"" + Arrays.toString(emails) + "\"}");
    }

    private List<EmailAddress> storedEmails(String userId) {
        return CoreInternals.database(test.core()).dsl()
                .select(DIRECTORY_USER_EMAIL.EMAIL_VALUE, DIRECTORY_USER_EMAIL.EMAIL_TYPE, DIRECTORY_USER_EMAIL.IS_PRIMARY)
                .from(DIRECTORY_USER_EMAIL)
                .where(DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID.eq(userId))
                .orderBy(DIRECTORY_USER_EMAIL.POSITION)
                .fetch(row -> new EmailAddress(row.value1(), row.value2(), row.value3()));
    }

    @Test
    void anUpdateThatLeavesTheEmailsWritesNoEmailRow() {
        EmailAddress work = new EmailAddress("ana@corp.example", "work", true);
        EmailAddress home = new EmailAddress("ana@home.example", "home", false);
        String id = users.create(directoryId, user(true, "Ana", work, home)).id();

        writes.reset();
        DirectoryUser deactivated = users.update(directoryId, id, null, current -> user(false, "Ana", work, home));
        DirectoryUser renamed = users.update(directoryId, id, null, current -> user(false, "Anna", work, home));

        assertFalse(deactivated.active());
        assertEquals("Anna", renamed.givenName());
        assertTrue(writes.tables().contains("directory_user"), writes.tables()::toString);
        assertFalse(writes.tables().contains("directory_user_email"), writes.tables()::toString);
        assertEquals(List.of(work, home), storedEmails(id));
    }

    @Test
    void anUpdateThatChangesTheEmailsReplacesTheirRows() {
        EmailAddress work = new EmailAddress("ana@corp.example", "work", true);
        EmailAddress home = new EmailAddress("ana@home.example", "home", false);
        String id = users.create(directoryId, user(true, "Ana", work, home)).id();

        users.update(directoryId, id, null, current -> user(true, "Ana", home, work));
        assertEquals(List.of(home, work), storedEmails(id), "the order is the emails'");

        EmailAddress homeAsPrimary = new EmailAddress("ana@home.example", "home", true);
        EmailAddress workNotPrimary = new EmailAddress("ana@corp.example", "work", false);
        users.update(directoryId, id, null, current -> user(true, "Ana", homeAsPrimary, workNotPrimary));
        assertEquals(List.of(homeAsPrimary, workNotPrimary), storedEmails(id), "primary is part of a row");
        assertEquals("ana@home.example", users.get(directoryId, id).primaryEmail());

        EmailAddress noValue = new EmailAddress(null, "other", false);
        users.update(directoryId, id, null, current -> user(true, "Ana", noValue, homeAsPrimary));
        assertEquals(List.of(homeAsPrimary), storedEmails(id), "an email without a value has no row");

        writes.reset();
        users.update(directoryId, id, null, current -> user(false, "Ana", noValue, homeAsPrimary));
        assertFalse(writes.tables().contains("directory_user_email"), "the same emails, a value-less one among them");

        users.update(directoryId, id, null, current -> user(false, "Ana"));
        assertEquals(List.of(), storedEmails(id));
    }
}
