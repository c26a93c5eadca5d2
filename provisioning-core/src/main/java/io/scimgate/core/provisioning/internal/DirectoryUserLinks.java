package io.scimgate.core.provisioning.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import io.scimgate.core.directory.internal.ProvisioningColumns;
import io.scimgate.core.provisioning.ProvisioningState;
import io.scimgate.core.store.internal.RenderedQuery;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The provisioning columns of directory users: which User each is linked to, and its state. */
final class DirectoryUserLinks {

    /** {@link #claim}, on every create of an active user with an email. */
    private static final RenderedQuery CLAIM = RenderedQuery.of(DSL.update(DIRECTORY_USER)
            .set(DIRECTORY_USER.USER_ID, DSL.param("userId", String.class))
            .set(DIRECTORY_USER.PROVISIONED_USER_ID, DSL.param("provisionedUserId", String.class))
            .set(DIRECTORY_USER.PROVISIONING_STATE, DSL.inline(ProvisioningState.PROVISIONED.slug()))
            .set(DIRECTORY_USER.PROVISIONING_DETAIL, DSL.inline((String) null))
            .where(DIRECTORY_USER.ID.eq(DSL.param("id", String.class))), "userId", "provisionedUserId", "id");

    private DirectoryUserLinks() {
    }

    /** A directory user that provisioning has not decided about yet. */
    static final ProvisioningColumns PENDING = unlinked(ProvisioningState.PENDING, null);

    /** Linked to and holding {@code userId}, provisioned. */
    static ProvisioningColumns holding(String userId) {
        return new ProvisioningColumns(userId, userId, ProvisioningState.PROVISIONED.slug(), null);
    }

    /** Linked to no User, in {@code state} for the reason {@code detail} gives. */
    static ProvisioningColumns unlinked(ProvisioningState state, String detail) {
        return new ProvisioningColumns(null, null, state.slug(), detail);
    }

    /** The same links in another state. */
    static ProvisioningColumns in(ProvisioningColumns columns, ProvisioningState state, String detail) {
        return new ProvisioningColumns(columns.userId(), columns.provisionedUserId(), state.slug(), detail);
    }

    static ProvisioningState state(ProvisioningColumns columns) {
        return ProvisioningState.fromSlug(columns.state());
    }

    static ProvisioningColumns read(DSLContext dsl, String directoryUserId) {
        return dsl.select(DIRECTORY_USER.USER_ID, DIRECTORY_USER.PROVISIONED_USER_ID, DIRECTORY_USER.PROVISIONING_STATE,
                        DIRECTORY_USER.PROVISIONING_DETAIL)
                .from(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(directoryUserId))
                .fetchSingle(row -> new ProvisioningColumns(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    /** Back to {@link ProvisioningColumns#PENDING}: linked to no User, holding none. */
    static void unlink(DSLContext dsl, String directoryUserId) {
        dsl.update(DIRECTORY_USER)
                .set(DIRECTORY_USER.USER_ID, (String) null)
                .set(DIRECTORY_USER.PROVISIONED_USER_ID, (String) null)
                .set(DIRECTORY_USER.PROVISIONING_STATE, ProvisioningState.PENDING.slug())
                .set(DIRECTORY_USER.PROVISIONING_DETAIL, (String) null)
                .where(DIRECTORY_USER.ID.eq(directoryUserId))
                .execute();
    }

    static void setState(DSLContext dsl, String directoryUserId, ProvisioningState state, String detail) {
        dsl.update(DIRECTORY_USER)
                .set(DIRECTORY_USER.PROVISIONING_STATE, state.slug())
                .set(DIRECTORY_USER.PROVISIONING_DETAIL, detail)
                .where(DIRECTORY_USER.ID.eq(directoryUserId))
                .execute();
    }

    /**
     * Makes the directory user the holder of the User within its directory, provisioned; a rival
     * holder makes it throw (and the transaction does not go on to provision).
     */
    static int claim(DSLContext dsl, String directoryUserId, String userId) {
        return CLAIM.execute(dsl, userId, userId, directoryUserId);
    }

    static void release(DSLContext dsl, String directoryUserId) {
        dsl.update(DIRECTORY_USER)
                .set(DIRECTORY_USER.PROVISIONED_USER_ID, (String) null)
                .where(DIRECTORY_USER.ID.eq(directoryUserId))
                .execute();
    }

    /** The directory user of {@code directoryId} that holds {@code userId}, if one does. */
    static Optional<String> holder(DSLContext dsl, String directoryId, String userId) {
        return dsl.select(DIRECTORY_USER.ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId), DIRECTORY_USER.PROVISIONED_USER_ID.eq(userId))
                .fetchOptional(DIRECTORY_USER.ID);
    }

    /** Whether another active directory user of the organization (any of its directories) holds the User. */
    static boolean heldElsewhereInOrganization(DSLContext dsl, String organizationId, String userId, String exceptDirectoryUserId) {
        return heldInOrganization(dsl, organizationId, userId,
                DIRECTORY_USER.ACTIVE.isTrue().and(DIRECTORY_USER.ID.ne(exceptDirectoryUserId)));
    }

    /** The Users that directory users of the directory are linked to, each once. */
    static List<String> linkedUsers(DSLContext dsl, String directoryId) {
        return dsl.selectDistinct(DIRECTORY_USER.USER_ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId), DIRECTORY_USER.USER_ID.isNotNull())
                .orderBy(DIRECTORY_USER.USER_ID)
                .fetch(DIRECTORY_USER.USER_ID);
    }

    /** Whether a directory user of another directory of the organization holds the User. */
    static boolean heldByAnotherDirectory(DSLContext dsl, String organizationId, String userId, String directoryId) {
        return heldInOrganization(dsl, organizationId, userId, DIRECTORY_USER.DIRECTORY_ID.ne(directoryId));
    }

    private static boolean heldInOrganization(DSLContext dsl, String organizationId, String userId, Condition which) {
        return dsl.fetchExists(dsl.selectOne().from(DIRECTORY_USER)
                .join(DIRECTORY).on(DIRECTORY.ID.eq(DIRECTORY_USER.DIRECTORY_ID))
                .where(DIRECTORY.ORGANIZATION_ID.eq(organizationId), DIRECTORY_USER.PROVISIONED_USER_ID.eq(userId), which));
    }

    /** The oldest active directory user of the directory waiting because it shares this email (P10). */
    static Optional<String> oldestWaiting(DSLContext dsl, String directoryId, String emailKey) {
        return dsl.select(DIRECTORY_USER.ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId),
                        DIRECTORY_USER.PRIMARY_EMAIL_KEY.eq(emailKey),
                        DIRECTORY_USER.PROVISIONING_STATE.eq(ProvisioningState.DUPLICATE_EMAIL.slug()),
                        DIRECTORY_USER.ACTIVE.isTrue())
                .orderBy(DIRECTORY_USER.SEQ)
                .limit(1)
                .forUpdate()
                .fetchOptional(DIRECTORY_USER.ID);
    }
}
