package io.scimgate.core.user;

import static io.scimgate.core.store.schema.Tables.APP_USER;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.InternalApi;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.AppUserRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Users: read by the host app; created and changed only by the provisioning rules. */
public final class Users {

    public static final int MAX_PAGE = 100;

    private final Database database;
    private final Clock clock;

    @InternalApi
    public Users(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<User> find(String id) {
        return database.dsl().fetchOptional(APP_USER, APP_USER.ID.eq(id)).map(Users::toUser);
    }

    public User get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** The user with this email, compared trimmed and ignoring case. */
    public Optional<User> findByEmail(String email) {
        return database.dsl().fetchOptional(APP_USER, APP_USER.EMAIL_KEY.eq(emailKey(email))).map(Users::toUser);
    }

    /**
     * Users in creation order, after the user {@code afterId} (null to start), at most {@code limit};
     * with {@code email}, only the user with that address.
     */
    public List<User> list(String email, String afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ScimgateException(ErrorCode.INVALID_LIMIT, "limit must be between 1 and " + MAX_PAGE);
        }
        DSLContext dsl = database.dsl();
        Condition where = DSL.noCondition();
        if (email != null && !email.isBlank()) {
            where = where.and(APP_USER.EMAIL_KEY.eq(emailKey(email)));
        }
        if (afterId != null && !afterId.isBlank()) {
            Long afterSeq = dsl.select(APP_USER.SEQ).from(APP_USER).where(APP_USER.ID.eq(afterId)).fetchOne(APP_USER.SEQ);
            if (afterSeq == null) {
                throw new ScimgateException(ErrorCode.INVALID_CURSOR, "after must be the id of a user");
            }
            where = where.and(APP_USER.SEQ.gt(afterSeq));
        }
        return dsl.selectFrom(APP_USER).where(where).orderBy(APP_USER.SEQ).limit(limit).fetch(Users::toUser);
    }

    public static String emailKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Reads and locks the user with this email key inside a transaction. */
    @InternalApi
    public static Optional<User> lockByEmailKey(DSLContext dsl, String emailKey) {
        return dsl.selectFrom(APP_USER).where(APP_USER.EMAIL_KEY.eq(emailKey)).forUpdate().fetchOptional(Users::toUser);
    }

    @InternalApi
    public static Optional<User> lockById(DSLContext dsl, String id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).forUpdate().fetchOptional(Users::toUser);
    }

    /**
     * Inserts a user and emits {@code user.created} to the organization it is created for (RULES.md
     * P25); a concurrent insert of the same email makes it throw.
     */
    @InternalApi
    public User insert(Tx tx, String organizationId, String email, String firstName, String lastName,
            boolean emailVerified) {
        OffsetDateTime now = Times.now(clock);
        AppUserRecord row = tx.dsl().newRecord(APP_USER);
        row.setId(Ids.newId());
        row.setEmail(email.trim());
        row.setEmailKey(emailKey(email));
        row.setFirstName(firstName);
        row.setLastName(lastName);
        row.setEmailVerified(emailVerified);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.insert();
        User user = toUser(row);
        tx.emit("user.created", organizationId, null, user.eventData());
        return user;
    }

    /**
     * Sets names and the verified flag of a locked user; emits {@code user.updated} only if something
     * changed, about {@code organizationId} (where the change came from) and to the feed of every
     * organization the user has a membership of (RULES.md P25).
     */
    @InternalApi
    public User update(Tx tx, String organizationId, User user, String firstName, String lastName,
            boolean emailVerified) {
        if (java.util.Objects.equals(user.firstName(), firstName) && java.util.Objects.equals(user.lastName(), lastName)
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

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.USER_NOT_FOUND, "No user with id " + id);
    }

    static User toUser(AppUserRecord row) {
        return new User(row.getId(), row.getEmail(), row.getFirstName(), row.getLastName(),
                Boolean.TRUE.equals(row.getEmailVerified()), Times.instant(row.getCreatedAt()),
                Times.instant(row.getUpdatedAt()));
    }
}
