package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Sequences.SORT_CHANGE_POSITION;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_SORT_CHANGE;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_SORT_CHANGE;
import static org.jooq.impl.DSL.val;

import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.DirectoryGroupRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryUserRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The sortable values users and groups had before each change, so that a cursor walk can sort by
 * the values as of its start (RULES.md P31, V83). A change takes its position in
 * {@code sort_change_position} while it holds a stripe of its directory's tally, and
 * {@link #walkStart} waits for the stripes after taking its own position: every change positioned
 * before a walk's start has committed when the walk reads its first page, and every later one is
 * positioned after it.
 */
public final class SortHistory {

    /** How long a cursor lives (RFC 9865 {@code cursorTimeout}); its walk reads changes made since its start. */
    public static final Duration CURSOR_LIFETIME = Duration.ofHours(24);
    /** How long a change is kept: longer than a cursor lives, by a margin for clocks of instances that differ. */
    static final Duration RETENTION = CURSOR_LIFETIME.plusHours(1);

    /** Where the changes of one resource type are kept: the table and its key columns. */
    record Of(Table<?> table, Field<String> directoryId, Field<String> resourceId, Field<Long> position) {
    }

    static final Of USERS = new Of(DIRECTORY_USER_SORT_CHANGE, DIRECTORY_USER_SORT_CHANGE.DIRECTORY_ID,
            DIRECTORY_USER_SORT_CHANGE.RESOURCE_ID, DIRECTORY_USER_SORT_CHANGE.POSITION);
    static final Of GROUPS = new Of(DIRECTORY_GROUP_SORT_CHANGE, DIRECTORY_GROUP_SORT_CHANGE.DIRECTORY_ID,
            DIRECTORY_GROUP_SORT_CHANGE.RESOURCE_ID, DIRECTORY_GROUP_SORT_CHANGE.POSITION);

    private SortHistory() {
    }

    /**
     * Records what a user had before this transaction changed it. Called last in the transaction,
     * after every row lock it takes (the tally stripe it holds must not wait for one).
     */
    static void userChanged(Tx tx, DirectoryUserRecord before, OffsetDateTime now) {
        DirectoryUserTally.hold(tx, before.getDirectoryId());
        DSLContext dsl = tx.dsl();
        var h = DIRECTORY_USER_SORT_CHANGE;
        dsl.insertInto(h)
                .set(h.POSITION, SORT_CHANGE_POSITION.nextval())
                .set(h.DIRECTORY_ID, before.getDirectoryId())
                .set(h.RESOURCE_ID, before.getId())
                .set(h.CHANGED_AT, now)
                .set(h.USER_NAME_KEY, before.get(DIRECTORY_USER.USER_NAME_KEY))
                .set(h.EXTERNAL_ID, before.get(DIRECTORY_USER.EXTERNAL_ID))
                .set(h.DISPLAY_NAME_KEY, before.get(DIRECTORY_USER.DISPLAY_NAME_KEY))
                .set(h.GIVEN_NAME_KEY, before.get(DIRECTORY_USER.GIVEN_NAME_KEY))
                .set(h.FAMILY_NAME_KEY, before.get(DIRECTORY_USER.FAMILY_NAME_KEY))
                .set(h.TITLE_KEY, before.get(DIRECTORY_USER.TITLE_KEY))
                .set(h.EMPLOYEE_NUMBER_KEY, before.get(DIRECTORY_USER.EMPLOYEE_NUMBER_KEY))
                .set(h.DEPARTMENT_KEY, before.get(DIRECTORY_USER.DEPARTMENT_KEY))
                .set(h.ACTIVE, before.get(DIRECTORY_USER.ACTIVE))
                .set(h.PRIMARY_EMAIL, before.get(DIRECTORY_USER.PRIMARY_EMAIL))
                .set(h.CREATED_AT, before.get(DIRECTORY_USER.CREATED_AT))
                .set(h.UPDATED_AT, before.get(DIRECTORY_USER.UPDATED_AT))
                .execute();
    }

    /** Records what groups of one directory had before this transaction changed them; called last, as {@link #userChanged}. */
    static void groupsChanged(Tx tx, String directoryId, List<DirectoryGroupRecord> before, OffsetDateTime now) {
        if (before.isEmpty()) {
            return;
        }
        DirectoryUserTally.hold(tx, directoryId);
        DSLContext dsl = tx.dsl();
        var h = DIRECTORY_GROUP_SORT_CHANGE;
        var insert = dsl.insertInto(h, h.POSITION, h.DIRECTORY_ID, h.RESOURCE_ID, h.CHANGED_AT, h.DISPLAY_NAME_KEY,
                h.EXTERNAL_ID, h.CREATED_AT, h.UPDATED_AT);
        for (DirectoryGroupRecord group : before) {
            insert = insert.values(SORT_CHANGE_POSITION.nextval(), val(directoryId),
                    val(group.getId()), val(now),
                    val(group.get(DIRECTORY_GROUP.DISPLAY_NAME_KEY)),
                    val(group.get(DIRECTORY_GROUP.EXTERNAL_ID)),
                    val(group.get(DIRECTORY_GROUP.CREATED_AT)),
                    val(group.get(DIRECTORY_GROUP.UPDATED_AT)));
        }
        insert.execute();
    }

    /**
     * The start of a cursor walk of the directory: a position such that every change before it has
     * committed (it waits for those under way) and every change made later is after it.
     */
    static long walkStart(DSLContext dsl, String directoryId) {
        long start = dsl.select(SORT_CHANGE_POSITION.nextval()).fetchSingle().value1();
        DirectoryUserTally.awaitHolders(dsl, directoryId);
        return start;
    }

    /** Removes the changes no live cursor can need; returns how many. */
    static int prune(Database database, Clock clock) {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(RETENTION);
        return database.dsl().deleteFrom(DIRECTORY_USER_SORT_CHANGE).where(DIRECTORY_USER_SORT_CHANGE.CHANGED_AT.lt(cutoff)).execute()
                + database.dsl().deleteFrom(DIRECTORY_GROUP_SORT_CHANGE).where(DIRECTORY_GROUP_SORT_CHANGE.CHANGED_AT.lt(cutoff)).execute();
    }
}
