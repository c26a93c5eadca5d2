package io.scimgate.core.user;

import static io.scimgate.core.store.schema.Tables.APP_USER;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.user.internal.UserRows;
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

    public Users(Database database) {
        this.database = database;
    }

    public Optional<User> find(String id) {
        return database.dsl().fetchOptional(APP_USER, APP_USER.ID.eq(id)).map(UserRows::toUser);
    }

    public User get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** The user with this email, compared trimmed and ignoring case. */
    public Optional<User> findByEmail(String email) {
        return database.dsl().fetchOptional(APP_USER, APP_USER.EMAIL_KEY.eq(emailKey(email))).map(UserRows::toUser);
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
        return dsl.selectFrom(APP_USER).where(where).orderBy(APP_USER.SEQ).limit(limit).fetch(UserRows::toUser);
    }

    public static String emailKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.USER_NOT_FOUND, "No user with id " + id);
    }
}
