package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_TOKEN;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.internal.DirectoryDeletionHook;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.organization.internal.OrganizationRows;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.DirectoryRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryTokenRecord;
import io.scimgate.core.token.SecretTokens;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import io.scimgate.core.tenant.internal.TenantCache;
import org.jooq.DSLContext;

/** Directories and their bearer tokens (P4). */
public final class Directories {

    public static final String TOKEN_PREFIX = "sgd_";
    /** Two live tokens let an IdP admin switch to a new token before the old one is revoked. */
    public static final int MAX_ACTIVE_TOKENS = 2;
    private final Database database;
    private final Clock clock;
    private final TenantCache tenants;
    private final ActivityRecorder activity;
    /** Live tokens recently checked against the store, by hash, with when that was. */
    private final ConcurrentMap<String, CheckedToken> checkedTokens = new ConcurrentHashMap<>();
    private final AtomicLong tokenGeneration = new AtomicLong();
    private final DirectoryDeletionHook onDeleting;

    private record CheckedToken(String directoryId, long checkedAt) {
    }

    /** @param onDeleting told inside the deleting transaction, before the directory's users go (P6) */
    public Directories(Database database, Clock clock, TenantCache tenants, ActivityRecorder activity,
            DirectoryDeletionHook onDeleting) {
        this.database = database;
        this.clock = clock;
        this.tenants = tenants;
        this.activity = activity;
        this.onDeleting = onDeleting;
        database.onTenantChange(id -> {
            tokenGeneration.incrementAndGet();
            checkedTokens.values().removeIf(checked -> checked.directoryId().equals(id));
        });
    }

    public record Created(Directory directory, IssuedToken token) {
    }

    public Created create(String organizationId, String name, DirectoryProvider provider) {
        String trimmed = Organizations.checkedName(name, "A directory");
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            OrganizationRows.requireExists(dsl, organizationId);
            OffsetDateTime now = Times.now(clock);
            DirectoryRecord row = new DirectoryRecord()
                    .setId(Ids.newId())
                    .setOrganizationId(organizationId)
                    .setName(trimmed)
                    .setProvider(provider.slug())
                    .setState("active")
                    .setCreatedAt(now)
                    .setUpdatedAt(now);
            dsl.executeInsert(row);
            DirectoryUserTally.open(dsl, row.getId());
            return new Created(toDirectory(row), issueToken(dsl, row.getId()));
        });
    }

    public Optional<Directory> find(String id) {
        return find(database.dsl(), id);
    }

    private static Optional<Directory> find(DSLContext dsl, String id) {
        return dsl.fetchOptional(DIRECTORY, DIRECTORY.ID.eq(id)).map(Directories::toDirectory);
    }

    /** The directory, with the activity this instance counted and has not saved yet. */
    public Directory get(String id) {
        Directory stored = find(id).orElseThrow(() -> notFound(id));
        return new Directory(stored.id(), stored.organizationId(), stored.name(), stored.provider(), stored.state(),
                stored.createdAt(), stored.updatedAt(), stored.rateLimitPerSecond(), stored.rateLimitBurst(),
                activity.withPending(id, stored.activity()));
    }

    public List<Directory> listByOrganization(String organizationId) {
        return database.dsl().selectFrom(DIRECTORY)
                .where(DIRECTORY.ORGANIZATION_ID.eq(organizationId))
                .orderBy(DIRECTORY.CREATED_AT, DIRECTORY.ID)
                .fetch(Directories::toDirectory);
    }

    /**
     * The directory that {@code presentedToken} opens, if it is a live token of exactly that
     * directory. Any other case (unknown, revoked, another directory's) gives empty, indistinguishably.
     *
     * <p>A token found live is trusted for {@link TenantCache#freshFor()} without asking the store
     * again: a token revoked through this instance is refused by its next request, and by every
     * other instance within that time (plus the request under way), as is a deleted directory.
     */
    public Optional<Directory> authenticate(String directoryId, String presentedToken) {
        if (presentedToken == null || presentedToken.isEmpty() || directoryId == null) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(presentedToken);
        long now = System.nanoTime();
        CheckedToken checked = checkedTokens.get(hash);
        if (checked == null || now - checked.checkedAt() >= tenants.freshFor().toNanos()) {
            long generation = tokenGeneration.get();
            Optional<String> owner = database.dsl().select(DIRECTORY_TOKEN.DIRECTORY_ID, DIRECTORY_TOKEN.TOKEN_HASH)
                    .from(DIRECTORY_TOKEN)
                    .where(DIRECTORY_TOKEN.TOKEN_HASH.eq(hash), DIRECTORY_TOKEN.REVOKED_AT.isNull())
                    .fetchOptional()
                    .filter(row -> SecretTokens.matches(presentedToken, row.value2()))
                    .map(row -> row.value1());
            if (owner.isEmpty()) {
                checkedTokens.remove(hash);
                return Optional.empty();
            }
            checked = new CheckedToken(owner.get(), now);
            if (tokenGeneration.get() == generation) {
                checkedTokens.put(hash, checked);
            }
        }
        if (!directoryId.equals(checked.directoryId())) {
            return Optional.empty();
        }
        return tenants.directory(directoryId).map(Directories::toDirectory);
    }

    /**
     * Sets this directory's request budget (requests per second and burst); nulls return it to the
     * server's default.
     */
    public Directory setRateLimit(String directoryId, Integer perSecond, Integer burst) {
        if ((perSecond == null) != (burst == null) || (perSecond != null && (perSecond < 1 || burst < 1))) {
            throw new ScimgateException(ErrorCode.INVALID_RATE_LIMIT,
                    "requestsPerSecond and burst are both positive numbers, or both null for the default");
        }
        return database.transaction(tx -> {
            DirectoryRecord row = tx.dsl().selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).forUpdate()
                    .fetchOptional().orElseThrow(() -> notFound(directoryId));
            row.setRateLimitPerSecond(perSecond);
            row.setRateLimitBurst(burst);
            row.setUpdatedAt(Times.now(clock));
            row.store();
            tx.tenantChanged(directoryId);
            return toDirectory(row);
        });
    }

    /**
     * P6: removes a directory with its users, groups and tokens. The Users and memberships it
     * provisioned stay; its deletion hooks run first (memberships stop being directory-managed).
     */
    public void delete(String directoryId) {
        database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            DirectoryRecord row = dsl.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).forUpdate()
                    .fetchOptional().orElseThrow(() -> notFound(directoryId));
            onDeleting.directoryDeleting(tx, row.getOrganizationId(), directoryId);
            dsl.deleteFrom(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).execute();
            tx.tenantChanged(directoryId);
            tx.emit("dsync.deleted", row.getOrganizationId(), directoryId, io.scimgate.core.events.Events.data()
                    .put("id", row.getId())
                    .put("organizationId", row.getOrganizationId())
                    .put("name", row.getName())
                    .put("provider", row.getProvider()));
            return null;
        });
    }

    /** Issues a further token; refused while two are live, so one must be revoked first. */
    public IssuedToken issueToken(String directoryId) {
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            dsl.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> notFound(directoryId));
            int live = dsl.fetchCount(DIRECTORY_TOKEN,
                    DIRECTORY_TOKEN.DIRECTORY_ID.eq(directoryId), DIRECTORY_TOKEN.REVOKED_AT.isNull());
            if (live >= MAX_ACTIVE_TOKENS) {
                throw new ScimgateException(ErrorCode.TOO_MANY_TOKENS,
                        "A directory has at most " + MAX_ACTIVE_TOKENS + " live tokens; revoke one first");
            }
            return issueToken(dsl, directoryId);
        });
    }

    public List<DirectoryToken> tokens(String directoryId) {
        return database.dsl().selectFrom(DIRECTORY_TOKEN)
                .where(DIRECTORY_TOKEN.DIRECTORY_ID.eq(directoryId))
                .orderBy(DIRECTORY_TOKEN.CREATED_AT, DIRECTORY_TOKEN.ID)
                .fetch(row -> new DirectoryToken(row.getId(), row.getDirectoryId(),
                        Times.instant(row.getCreatedAt()), Times.instant(row.getRevokedAt())));
    }

    public void revokeToken(String directoryId, String tokenId) {
        int updated = database.transaction(tx -> {
            tx.tenantChanged(directoryId);
            return tx.dsl().update(DIRECTORY_TOKEN)
                    .set(DIRECTORY_TOKEN.REVOKED_AT, Times.now(clock))
                    .where(DIRECTORY_TOKEN.ID.eq(tokenId), DIRECTORY_TOKEN.DIRECTORY_ID.eq(directoryId),
                            DIRECTORY_TOKEN.REVOKED_AT.isNull())
                    .execute();
        });
        if (updated == 0) {
            throw new ScimgateException(ErrorCode.TOKEN_NOT_FOUND, "No live token " + tokenId + " in directory " + directoryId);
        }
    }

    private IssuedToken issueToken(DSLContext dsl, String directoryId) {
        String token = SecretTokens.generate(TOKEN_PREFIX);
        DirectoryTokenRecord row = new DirectoryTokenRecord()
                .setId(Ids.newId())
                .setDirectoryId(directoryId)
                .setTokenHash(SecretTokens.hash(token))
                .setCreatedAt(Times.now(clock));
        dsl.executeInsert(row);
        return new IssuedToken(row.getId(), directoryId, token, Times.instant(row.getCreatedAt()));
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.DIRECTORY_NOT_FOUND, "No directory with id " + id);
    }

    /** The organization of a directory, read inside a transaction. */
    static String organizationOf(DSLContext dsl, String directoryId) {
        return dsl.select(DIRECTORY.ORGANIZATION_ID).from(DIRECTORY).where(DIRECTORY.ID.eq(directoryId))
                .fetchOptional(DIRECTORY.ORGANIZATION_ID)
                .orElseThrow(() -> notFound(directoryId));
    }

    static Directory toDirectory(DirectoryRecord row) {
        return new Directory(row.getId(), row.getOrganizationId(), row.getName(),
                DirectoryProvider.fromSlug(row.getProvider()), row.getState(),
                Times.instant(row.getCreatedAt()), Times.instant(row.getUpdatedAt()),
                row.getRateLimitPerSecond(), row.getRateLimitBurst(),
                new DirectoryActivity(Times.instant(row.getActivatedAt()), Times.instant(row.getLastRequestAt()),
                        Times.instant(row.getLastErrorAt()), row.getRequestCount() == null ? 0 : row.getRequestCount(),
                        row.getErrorCount() == null ? 0 : row.getErrorCount()));
    }
}
