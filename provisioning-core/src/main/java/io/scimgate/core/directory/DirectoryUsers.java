package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;

import io.scimgate.core.directory.internal.DirectoryUserRows;
import io.scimgate.core.directory.internal.DirectoryOrganizations;
import io.scimgate.core.directory.internal.DirectoryListing;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.internal.DirectoryQueries;
import io.scimgate.core.directory.query.AttributeCatalogue;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.core.attributemapping.ScimDocument;
import io.scimgate.core.directory.internal.DirectoryUserLifecycle;
import io.scimgate.core.directory.internal.DirectoryUserWrite;
import io.scimgate.core.role.IdpRoles;
import io.scimgate.core.store.internal.Constraints;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.RenderedInsert;
import io.scimgate.core.store.internal.RenderedQuery;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.DirectoryGroupRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryUserEmailRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryUserRecord;
import io.scimgate.core.tenant.internal.TenantCache;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Directory users exactly as their directory sent them (P7). Every method is scoped to one
 * directory: an id of another directory is not found, as an unknown id is (P5).
 */
public final class DirectoryUsers {

    static final int MAX_VALUE_LENGTH = 512;
    static final int MAX_DOCUMENT_LENGTH = 1_000_000;
    /**
     * {@link #find}: every read of one user by id (GET, PUT, PATCH, DELETE) starts with it. By primary
     * key alone, the directory compared in Java (P5): with {@code directory_id = ?} beside it,
     * PostgreSQL walks a {@code (directory_id, …)} index instead of the key while its statistics
     * predate the directory's users (BENCHMARKS.md, seventh pass).
     */
    private static final RenderedQuery FIND = RenderedQuery.of(DSL.selectFrom(DIRECTORY_USER)
            .where(DIRECTORY_USER.ID.eq(DSL.param("id", String.class))), "id");

    /** The columns {@link #create} sets, the provisioning columns its lifecycle decides among them. */
    private static final RenderedInsert<DirectoryUserRecord> INSERT = RenderedInsert.returning(DIRECTORY_USER,
            DIRECTORY_USER.SEQ, DIRECTORY_USER.ID, DIRECTORY_USER.DIRECTORY_ID, DIRECTORY_USER.USER_NAME,
            DIRECTORY_USER.USER_NAME_KEY, DIRECTORY_USER.EXTERNAL_ID, DIRECTORY_USER.ACTIVE, DIRECTORY_USER.DISPLAY_NAME,
            DIRECTORY_USER.GIVEN_NAME, DIRECTORY_USER.FAMILY_NAME, DIRECTORY_USER.PRIMARY_EMAIL, DIRECTORY_USER.TITLE,
            DIRECTORY_USER.EMPLOYEE_NUMBER, DIRECTORY_USER.DEPARTMENT, DIRECTORY_USER.ATTRIBUTES, DIRECTORY_USER.VERSION,
            DIRECTORY_USER.CREATED_AT, DIRECTORY_USER.UPDATED_AT, DIRECTORY_USER.PRIMARY_EMAIL_KEY,
            DIRECTORY_USER.DISPLAY_NAME_KEY, DIRECTORY_USER.GIVEN_NAME_KEY, DIRECTORY_USER.FAMILY_NAME_KEY,
            DIRECTORY_USER.TITLE_KEY, DIRECTORY_USER.EMPLOYEE_NUMBER_KEY, DIRECTORY_USER.DEPARTMENT_KEY,
            DIRECTORY_USER.CUSTOM_ATTRIBUTES, DIRECTORY_USER.CUSTOM_ATTRIBUTES_VERSION, DIRECTORY_USER.IDP_ROLES,
            DIRECTORY_USER.USER_ID, DIRECTORY_USER.PROVISIONED_USER_ID, DIRECTORY_USER.PROVISIONING_STATE,
            DIRECTORY_USER.PROVISIONING_DETAIL);
    private static final RenderedInsert<DirectoryUserEmailRecord> INSERT_EMAILS = RenderedInsert.of(DIRECTORY_USER_EMAIL,
            DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID, DIRECTORY_USER_EMAIL.POSITION, DIRECTORY_USER_EMAIL.DIRECTORY_ID,
            DIRECTORY_USER_EMAIL.EMAIL_VALUE, DIRECTORY_USER_EMAIL.EMAIL_KEY, DIRECTORY_USER_EMAIL.EMAIL_TYPE,
            DIRECTORY_USER_EMAIL.IS_PRIMARY, DIRECTORY_USER_EMAIL.EMAIL_TYPE_KEY);

    /** A user's email rows as {@link #insertEmails} wrote them: in the order sent, those without a value left out. */
    private static final RenderedQuery STORED_EMAILS = RenderedQuery.of(DSL.select(DIRECTORY_USER_EMAIL.EMAIL_VALUE,
                    DIRECTORY_USER_EMAIL.EMAIL_TYPE, DIRECTORY_USER_EMAIL.IS_PRIMARY)
            .from(DIRECTORY_USER_EMAIL)
            .where(DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID.eq(DSL.param("userId", String.class)))
            .orderBy(DIRECTORY_USER_EMAIL.POSITION), "userId");
    private static final RenderedQuery DELETE_EMAILS = RenderedQuery.of(DSL.deleteFrom(DIRECTORY_USER_EMAIL)
            .where(DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID.eq(DSL.param("userId", String.class))), "userId");

    private final Database database;
    private final Clock clock;
    private final DirectoryRows<DirectoryUserRecord, DirectoryUser> rows;
    private final DirectoryQueries<DirectoryUser> queries;
    private final DirectoryUserLifecycle lifecycle;
    private final TenantCache tenants;

    public DirectoryUsers(Database database, Clock clock, DirectoryUserLifecycle lifecycle, TenantCache tenants) {
        this.database = database;
        this.clock = clock;
        this.rows = new DirectoryRows<>(database, DIRECTORY_USER, DIRECTORY_USER.ID, SortHistory.USERS,
                DIRECTORY_USER.DIRECTORY_ID, DIRECTORY_USER.SEQ,
                "directory_user_dir_seq_ix", DirectoryUserRows::toUser, DirectoryUserTally::size);
        this.queries = DirectoryQueries.ofUsers(rows);
        this.lifecycle = lifecycle;
        this.tenants = tenants;
    }

    public DirectoryUser create(String directoryId, DirectoryUserData data) {
        validate(data);
        try {
            return database.transaction(tx -> {
                DSLContext dsl = tx.dsl();
                OffsetDateTime now = Times.now(clock);
                DirectoryUserRecord row = dsl.newRecord(DIRECTORY_USER);
                row.setId(Ids.newId());
                row.setDirectoryId(directoryId);
                row.setVersion(1L);
                row.setCreatedAt(now);
                row.setUpdatedAt(now);
                copy(data, row);
                derive(row, directoryOf(dsl, directoryId));
                DirectoryUser creating = DirectoryUserRows.toUser(row);
                String organizationId = DirectoryOrganizations.organizationOf(tenants, dsl, directoryId);
                tx.emit("dsync.user.created", organizationId, directoryId, DirectoryUserEvents.data(creating));
                // Inserted when provisioning has decided its columns, so that the row is written once.
                DirectoryUserWrite insert = new DirectoryUserWrite(columns -> {
                    DirectoryUserRows.setProvisioning(row, columns);
                    row.setSeq(INSERT.executeReturning(dsl, List.of(row), Long.class).get(0));
                    insertEmails(dsl, row.getId(), directoryId, data.emails());
                });
                lifecycle.created(tx, organizationId, creating, insert);
                insert.checkWritten();
                // Last, so that the stripe is held only while the transaction commits.
                DirectoryUserTally.added(tx, directoryId);
                return DirectoryUserRows.toUser(row);
            });
        } catch (DataAccessException e) {
            throw translate(e, data);
        }
    }

    public Optional<DirectoryUser> find(String directoryId, String id) {
        return FIND.fetch(database.dsl(), DIRECTORY_USER, id).stream()
                .filter(row -> row.getDirectoryId().equals(directoryId))
                .findFirst().map(DirectoryUserRows::toUser);
    }

    public DirectoryUser get(String directoryId, String id) {
        return find(directoryId, id).orElseThrow(() -> notFound(id));
    }

    /**
     * Changes a user in one transaction: the row is locked, {@code change} computes the new data
     * from the current user, and the row is written only if its version is still the one read.
     * Data equal to what is stored changes nothing: no new version, no event (P16).
     *
     * @param expectedVersion the version the client based its change on (If-Match), or null for any
     */
    public DirectoryUser update(String directoryId, String id, Long expectedVersion,
            Function<DirectoryUser, DirectoryUserData> change) {
        try {
            return database.transaction(tx -> {
                DSLContext dsl = tx.dsl();
                DirectoryUserRecord row = lock(dsl, directoryId, id, expectedVersion);
                DirectoryUserRecord stored = row.original();
                long readVersion = row.getVersion();
                DirectoryUser before = DirectoryUserRows.toUser(row);
                DirectoryUserData data = change.apply(before);
                validate(data);
                if (DirectoryUserEvents.unchanged(before, data)) {
                    return before;
                }
                copy(data, row);
                derive(row, directoryOf(dsl, directoryId));
                row.setVersion(readVersion + 1);
                row.setUpdatedAt(Times.now(clock));
                DirectoryUser after = DirectoryUserRows.toUser(row);
                String organizationId = DirectoryOrganizations.organizationOf(tenants, dsl, directoryId);
                tx.emit("dsync.user.updated", organizationId, directoryId, DirectoryUserEvents.updateData(before, after));
                // Written with the provisioning columns the change decides: one write of the row per update.
                DirectoryUserWrite update = new DirectoryUserWrite(columns -> {
                    DirectoryUserRows.setProvisioning(row, columns);
                    int updated = dsl.update(DIRECTORY_USER)
                            .set(row)
                            .where(DIRECTORY_USER.ID.eq(id), DIRECTORY_USER.VERSION.eq(readVersion))
                            .execute();
                    if (updated != 1) {
                        throw versionMismatch(id, readVersion, -1);
                    }
                    replaceEmails(dsl, id, directoryId, data.emails());
                });
                lifecycle.updated(tx, organizationId, before, after, DirectoryUserRows.provisioning(stored), update);
                update.checkWritten();
                SortHistory.userChanged(tx, stored, row.getUpdatedAt());
                return after;
            });
        } catch (DataAccessException e) {
            throw translate(e, null);
        }
    }

    /**
     * P21: removes the user. It leaves its groups first, each with a {@code dsync.group.user_removed}
     * (and a new version of the group), then {@code dsync.user.deleted} and the deprovisioning follow.
     */
    public void delete(String directoryId, String id, Long expectedVersion) {
        database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            DirectoryUserRecord row = lock(dsl, directoryId, id, expectedVersion);
            DirectoryUser deleted = DirectoryUserRows.toUser(row);
            String organizationId = DirectoryOrganizations.organizationOf(tenants, dsl, directoryId);
            List<DirectoryGroupRecord> groupsLeft = leaveGroups(tx, organizationId, deleted);
            tx.emit("dsync.user.deleted", organizationId, directoryId, DirectoryUserEvents.data(deleted));
            lifecycle.deleting(tx, organizationId, deleted);
            int removed = dsl.deleteFrom(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(id)).execute();
            if (removed == 1) {
                DirectoryUserTally.removed(tx, directoryId);
            }
            SortHistory.groupsChanged(tx, directoryId, groupsLeft, Times.now(clock));
            return removed;
        });
    }

    /** Takes the user out of its groups; returns the groups as they were (locked), for their sort history. */
    private List<DirectoryGroupRecord> leaveGroups(Tx tx, String organizationId, DirectoryUser user) {
        DSLContext dsl = tx.dsl();
        List<DirectoryGroupRecord> groups = dsl.selectFrom(DIRECTORY_GROUP)
                .where(DIRECTORY_GROUP.ID.in(org.jooq.impl.DSL.select(DIRECTORY_GROUP_MEMBER.GROUP_ID)
                        .from(DIRECTORY_GROUP_MEMBER)
                        .where(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.eq(user.id()))))
                .orderBy(DIRECTORY_GROUP.SEQ)
                .forUpdate()
                .fetch();
        if (groups.isEmpty()) {
            return groups;
        }
        List<String> groupIds = groups.stream().map(DirectoryGroupRecord::getId).toList();
        dsl.deleteFrom(DIRECTORY_GROUP_MEMBER).where(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.eq(user.id())).execute();
        dsl.update(DIRECTORY_GROUP)
                .set(DIRECTORY_GROUP.VERSION, DIRECTORY_GROUP.VERSION.plus(1))
                .set(DIRECTORY_GROUP.MEMBER_COUNT, DIRECTORY_GROUP.MEMBER_COUNT.minus(1))
                .set(DIRECTORY_GROUP.UPDATED_AT, Times.now(clock))
                .where(DIRECTORY_GROUP.ID.in(groupIds))
                .execute();
        GroupMemberEvents.emit(tx, organizationId, user.directoryId(), groupIds.stream()
                .map(groupId -> new GroupMemberEvents.Change(GroupMemberEvents.USER_REMOVED, groupId, user.id())).toList());
        return groups;
    }

    /**
     * The page of the directory's users that {@code query} asks for: its filter, sort and paging, as
     * {@link #queryCatalogue()} allows them. Every read is scoped to the directory (P5).
     *
     * @throws io.scimgate.core.directory.query.InvalidQueryException for a filter, sort or cursor it cannot answer
     */
    public ResultPage<DirectoryUser> list(String directoryId, DirectoryQuery query) {
        return queries.page(directoryId, query);
    }

    /** The attributes a query on users may filter and sort by. */
    public static AttributeCatalogue queryCatalogue() {
        return DirectoryQueries.userAttributes();
    }

    /** Filtered, ordered and paged reads of a directory's users. */
    DirectoryListing<DirectoryUser> listing() {
        return rows;
    }

    /** Every user of the directory as its id and external id, in creation order (for a sync that mirrors the IdP). */
    public List<ExternalKey> externalKeys(String directoryId) {
        return database.dsl().select(DIRECTORY_USER.ID, DIRECTORY_USER.EXTERNAL_ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId))
                .orderBy(DIRECTORY_USER.SEQ)
                .fetch(row -> new ExternalKey(row.value1(), row.value2()));
    }

    /** The directory's users whose external id is one of {@code externalIds}. */
    public List<DirectoryUser> withExternalIds(String directoryId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return rows.list(directoryId, DIRECTORY_USER.EXTERNAL_ID.in(externalIds), List.of(), 0, Integer.MAX_VALUE);
    }

    public static String key(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    public static String emailKey(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static void copy(DirectoryUserData data, DirectoryUserRecord row) {
        row.setUserName(data.userName());
        row.setUserNameKey(key(data.userName()));
        row.setExternalId(data.externalId());
        row.setActive(data.active());
        row.setDisplayName(data.displayName());
        row.setGivenName(data.givenName());
        row.setFamilyName(data.familyName());
        String primaryEmail = PrimaryEmail.of(data.emails(), data.userName()).orElse(null);
        row.setPrimaryEmail(primaryEmail);
        row.setPrimaryEmailKey(emailKey(primaryEmail));
        row.setTitle(data.title());
        row.setEmployeeNumber(data.employeeNumber());
        row.setDepartment(data.department());
        row.setDisplayNameKey(key(data.displayName()));
        row.setGivenNameKey(key(data.givenName()));
        row.setFamilyNameKey(key(data.familyName()));
        row.setTitleKey(key(data.title()));
        row.setEmployeeNumberKey(key(data.employeeNumber()));
        row.setDepartmentKey(key(data.department()));
        row.setAttributes(data.attributes());
    }

    private DirectoryRecord directoryOf(DSLContext dsl, String directoryId) {
        return tenants.directory(dsl, directoryId).orElseThrow(() -> Directories.notFound(directoryId));
    }

    /** What the core derives from the stored document: the mapped custom attributes (P27) and the IdP's role values (P28). */
    private static void derive(DirectoryUserRecord row, DirectoryRecord directory) {
        JsonNode document = ScimDocument.parse(row.getAttributes());
        AttributeMappings.Current mapping = AttributeMappings.of(directory);
        row.setCustomAttributes(mapping.apply(document).toString());
        row.setCustomAttributesVersion(mapping.version());
        row.setIdpRoles(IdpRoles.toColumn(IdpRoles.of(document)));
    }

    /**
     * The user's email rows become {@code emails}, written only if they differ from the stored ones:
     * most changes (a PATCH of {@code active}, a rename) leave them as they were, and deleting and
     * inserting the same rows wrote every B-tree of the email table on each commit.
     */
    private static void replaceEmails(DSLContext dsl, String userId, String directoryId, List<EmailAddress> emails) {
        List<EmailAddress> stored = STORED_EMAILS.fetch(dsl, userId).map(email -> new EmailAddress(
                email.get(DIRECTORY_USER_EMAIL.EMAIL_VALUE), email.get(DIRECTORY_USER_EMAIL.EMAIL_TYPE),
                email.get(DIRECTORY_USER_EMAIL.IS_PRIMARY)));
        if (stored.equals(emails.stream().filter(email -> email.value() != null).toList())) {
            return;
        }
        DELETE_EMAILS.execute(dsl, userId);
        insertEmails(dsl, userId, directoryId, emails);
    }

    /** The email rows of a user that has none (yet, or any more). */
    private static void insertEmails(DSLContext dsl, String userId, String directoryId, List<EmailAddress> emails) {
        List<DirectoryUserEmailRecord> rows = new ArrayList<>();
        int position = 0;
        for (EmailAddress email : emails) {
            if (email.value() == null) {
                continue;
            }
            rows.add(new DirectoryUserEmailRecord()
                    .setDirectoryUserId(userId)
                    .setPosition(position++)
                    .setDirectoryId(directoryId)
                    .setEmailValue(email.value())
                    .setEmailKey(emailKey(email.value()))
                    .setEmailType(email.type())
                    .setEmailTypeKey(key(email.type()))
                    .setIsPrimary(email.primary()));
        }
        if (!rows.isEmpty()) {
            INSERT_EMAILS.execute(dsl, rows);
        }
    }

    private static void validate(DirectoryUserData data) {
        if (data.userName() == null || data.userName().isBlank()) {
            throw new ScimgateException(ErrorCode.USER_NAME_REQUIRED, "userName is required");
        }
        checkLength("userName", data.userName());
        checkLength("externalId", data.externalId());
        checkLength("displayName", data.displayName());
        checkLength("name.givenName", data.givenName());
        checkLength("name.familyName", data.familyName());
        checkLength("title", data.title());
        checkLength("employeeNumber", data.employeeNumber());
        checkLength("department", data.department());
        for (EmailAddress email : data.emails()) {
            checkLength("emails.value", email.value());
            if (email.type() != null && email.type().length() > 64) {
                throw new ScimgateException(ErrorCode.VALUE_TOO_LONG, "emails.type has at most 64 characters");
            }
        }
        if (data.attributes() == null || data.attributes().length() > MAX_DOCUMENT_LENGTH) {
            throw new ScimgateException(ErrorCode.DOCUMENT_TOO_LARGE, "A user resource has at most " + MAX_DOCUMENT_LENGTH + " characters");
        }
    }

    private static void checkLength(String attribute, String value) {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw new ScimgateException(ErrorCode.VALUE_TOO_LONG, attribute + " has at most " + MAX_VALUE_LENGTH + " characters");
        }
    }

    private static RuntimeException translate(DataAccessException e, DirectoryUserData data) {
        if (Constraints.isUniqueViolation(e, "directory_user_name_uk")) {
            return userNameTaken(data == null ? null : data.userName());
        }
        return e;
    }

    private static ScimgateException userNameTaken(String userName) {
        return new ScimgateException(ErrorCode.USER_NAME_TAKEN,
                (userName == null ? "That userName" : "userName '" + userName + "'")
                        + " is already used by another user of this directory");
    }

    private static ScimgateException versionMismatch(String id, long expected, long actual) {
        return new ScimgateException(ErrorCode.VERSION_MISMATCH,
                "User " + id + " has changed since version " + expected
                        + (actual >= 0 ? " (it is now at version " + actual + ")" : ""));
    }

    /** Locks a user of the directory for a change, refusing it if it is not at {@code expectedVersion} (when given). */
    private static DirectoryUserRecord lock(DSLContext dsl, String directoryId, String id, Long expectedVersion) {
        DirectoryUserRecord row = dsl.selectFrom(DIRECTORY_USER)
                .where(DIRECTORY_USER.ID.eq(id), DIRECTORY_USER.DIRECTORY_ID.eq(directoryId))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> notFound(id));
        if (expectedVersion != null && expectedVersion != row.getVersion()) {
            throw versionMismatch(id, expectedVersion, row.getVersion());
        }
        return row;
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.DIRECTORY_USER_NOT_FOUND, "No user with id " + id + " in this directory");
    }

}
