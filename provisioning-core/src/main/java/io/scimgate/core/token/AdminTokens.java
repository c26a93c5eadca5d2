package io.scimgate.core.token;

import org.jooq.DSLContext;
import static io.scimgate.core.store.schema.Tables.ADMIN_TOKEN;

import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import java.time.Clock;
import java.util.Optional;

/**
 * The operator's token for the admin API. Either configured (kept in memory as a hash) or
 * generated on first start, stored hashed and shown once.
 */
public final class AdminTokens {

    public static final String PREFIX = "sga_";

    private final Database database;
    private final Clock clock;
    private volatile String configuredHash;

    public AdminTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Uses {@code configuredToken} when given; otherwise makes sure a stored token exists.
     *
     * @return the new plain token when one was generated now, to be shown once
     */
    public Optional<String> initialise(String configuredToken) {
        if (configuredToken != null && !configuredToken.isBlank()) {
            configuredHash = SecretTokens.hash(configuredToken.trim());
            return Optional.empty();
        }
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            if (dsl.fetchExists(ADMIN_TOKEN)) {
                return Optional.<String>empty();
            }
            return Optional.of(insertNew(dsl));
        });
    }

    /** Replaces every stored admin token with a new one and returns it. */
    public String reset() {
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            dsl.deleteFrom(ADMIN_TOKEN).execute();
            return insertNew(dsl);
        });
    }

    public boolean isValid(String presentedToken) {
        if (presentedToken == null || presentedToken.isEmpty()) {
            return false;
        }
        String configured = configuredHash;
        if (configured != null) {
            return SecretTokens.matches(presentedToken, configured);
        }
        String hash = SecretTokens.hash(presentedToken);
        return database.dsl().fetchOptional(ADMIN_TOKEN, ADMIN_TOKEN.TOKEN_HASH.eq(hash))
                .map(row -> SecretTokens.matches(presentedToken, row.getTokenHash()))
                .orElse(false);
    }

    private String insertNew(org.jooq.DSLContext dsl) {
        String token = SecretTokens.generate(PREFIX);
        dsl.insertInto(ADMIN_TOKEN)
                .set(ADMIN_TOKEN.ID, Ids.newId())
                .set(ADMIN_TOKEN.TOKEN_HASH, SecretTokens.hash(token))
                .set(ADMIN_TOKEN.CREATED_AT, Times.now(clock))
                .execute();
        return token;
    }
}
