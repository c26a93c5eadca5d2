package io.scimgate.core.user.internal;

import static io.scimgate.core.store.schema.Tables.APP_USER;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.RenderedInsert;
import io.scimgate.core.store.internal.RenderedQuery;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.AppUserRecord;
import io.scimgate.core.user.User;
import io.scimgate.core.user.Users;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Users' rows inside a transaction: what the provisioning rules lock, insert and change. */
public final class UserRows {

    private static final RenderedQuery LOCK_BY_EMAIL_KEY = RenderedQuery.of(DSL.selectFrom(APP_USER)
            .where(APP_USER.EMAIL_KEY.eq(DSL.param("emailKey", String.class))).forUpdate(), "emailKey");
    private static final RenderedQuery EXISTS_WITH_EMAIL_KEY = RenderedQuery.of(DSL.select(APP_USER.ID).from(APP_USER)
            .where(APP_USER.EMAIL_KEY.eq(DSL.param("emailKey", String.class))), "emailKey");
    private static final RenderedInsert<AppUserRecord> INSERT = RenderedInsert.of(APP_USER, APP_USER.ID, APP_USER.EMAIL,
            APP_USER.EMAIL_KEY, APP_USER.FIRST_NAME, APP_USER.LAST_NAME, APP_USER.EMAIL_VERIFIED, APP_USER.CREATED_AT,
            APP_USER.UPDATED_AT);

    private final Clock clock;

    public UserRows(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads and locks the user with this email key inside a transaction. H2 parses a
     * {@code SELECT … FOR UPDATE} again on every execution (it keeps no such statement in its query
     * cache), and every create of a new person asks for one that finds nothing, which has nothing to
     * lock: a plain, cached {@code SELECT} looks first, and the row is locked only when there is one.
     * The answer is the one the locking read would have given a moment later.
     */
    public static Optional<User> lockByEmailKey(DSLContext dsl, String emailKey) {
        if (idByEmailKey(dsl, emailKey).isEmpty()) {
            return Optional.empty();
        }
        return LOCK_BY_EMAIL_KEY.fetch(dsl, APP_USER, emailKey).stream().findFirst().map(UserRows::toUser);
    }

    /** The id of the user with this email key, read without a lock. */
    public static Optional<String> idByEmailKey(DSLContext dsl, String emailKey) {
        return EXISTS_WITH_EMAIL_KEY.fetch(dsl, emailKey).stream().findFirst().map(row -> row.get(APP_USER.ID));
    }

    public static Optional<User> lockById(DSLContext dsl, String id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).forUpdate().fetchOptional(UserRows::toUser);
    }

    /**
     * Inserts a user and emits {@code user.created} to the organization it is created for (RULES.md
     * P25); a concurrent insert of the same email makes it throw.
     */
    public User insert(Tx tx, String organizationId, String email, String firstName, String lastName,
            boolean emailVerified) {
        return insert(tx, organizationId, Ids.newId(), email, firstName, lastName, emailVerified);
    }

    /** As {@link #insert(Tx, String, String, String, String, boolean)}, with an id chosen beforehand. */
    public User insert(Tx tx, String organizationId, String id, String email, String firstName, String lastName,
            boolean emailVerified) {
        OffsetDateTime now = Times.now(clock);
        AppUserRecord row = new AppUserRecord();
        row.setId(id);
        row.setEmail(email.trim());
        row.setEmailKey(Users.emailKey(email));
        row.setFirstName(firstName);
        row.setLastName(lastName);
        row.setEmailVerified(emailVerified);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        INSERT.execute(tx.dsl(), row);
        User user = toUser(row);
        tx.emit("user.created", organizationId, null, user.eventData());
        return user;
    }

    /**
     * Sets names and the verified flag of a locked user; emits {@code user.updated} only if something
     * changed, about {@code organizationId} (where the change came from) and to the feed of every
     * organization the user has a membership of (RULES.md P25).
     */
    public User update(Tx tx, String organizationId, User user, String firstName, String lastName,
            boolean emailVerified) {
        if (Objects.equals(user.firstName(), firstName) && Objects.equals(user.lastName(), lastName)
                && user.emailVerified() == emailVerified) {
            return user;
        }
        OffsetDateTime now = Times.now(clock);
        tx.dsl().update(APP_USER)
                .set(APP_USER.FIRST_NAME, firstName)
                .set(APP_USER.LAST_NAME, lastName)
                .set(APP_USER.EMAIL_VERIFIED, emailVerified)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(user.id()))
                .execute();
        User updated = new User(user.id(), user.email(), firstName, lastName, emailVerified, user.createdAt(), now.toInstant());
        List<String> organizations = tx.dsl().select(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID)
                .from(ORGANIZATION_MEMBERSHIP).where(ORGANIZATION_MEMBERSHIP.USER_ID.eq(user.id()))
                .fetch(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID);
        tx.emit("user.updated", organizationId, organizations, null, updated.eventData());
        return updated;
    }

    public static User toUser(AppUserRecord row) {
        return new User(row.getId(), row.getEmail(), row.getFirstName(), row.getLastName(),
                Boolean.TRUE.equals(row.getEmailVerified()), Times.instant(row.getCreatedAt()),
                Times.instant(row.getUpdatedAt()));
    }
}
