package io.scimgate.core.tenant.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.GROUP_ROLE;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_DOMAIN;

import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.schema.tables.records.DirectoryRecord;
import io.scimgate.core.tenant.OrganizationSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record4;

/**
 * Directories and organization settings as every request needs them, kept for at most
 * {@link #freshFor()} (default {@link #FRESH_FOR}) so that a request does not read them from the store each time.
 *
 * <p>Guarantees: a change committed through this instance (a domain verified or removed, a role
 * mapping or an organization's settings changed, a directory deleted) is seen by its next request,
 * because the change's transaction clears the entries after commit ({@link io.scimgate.core.store.internal.Tx#tenantChanged});
 * other instances see it once their entries expire, within {@link #freshFor()} plus one request. A
 * load that raced with a change is not kept.
 */
public final class TenantCache {

    /** Other instances see a change within this long (plus the request under way), by default. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private record Entry<T>(T value, long loadedAt) {
    }

    private final Database database;
    private final long freshForNanos;
    private final ConcurrentMap<String, Entry<DirectoryRecord>> directories = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Entry<OrganizationSettings>> organizations = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public TenantCache(Database database, Duration freshFor) {
        this.database = database;
        this.freshForNanos = freshFor.toNanos();
        database.onTenantChange(this::changed);
    }

    /** How long an entry is trusted: how long other instances may take to see a change. */
    public Duration freshFor() {
        return Duration.ofNanos(freshForNanos);
    }

    /** The directory's row, or empty when there is no such directory; read outside any transaction. */
    public Optional<DirectoryRecord> directory(String directoryId) {
        return directory(database.dsl(), directoryId);
    }

    /**
     * The directory's row, or empty when there is no such directory. {@code dsl} reads it when it is
     * not kept: inside a transaction, the transaction's own, so that a request never holds two
     * connections of the pool at once.
     */
    public Optional<DirectoryRecord> directory(DSLContext dsl, String directoryId) {
        return Optional.ofNullable(cached(directories, directoryId, () -> dsl.selectFrom(DIRECTORY)
                .where(DIRECTORY.ID.eq(directoryId)).fetchOne()));
    }

    /** The organization's settings, or null when there is no such organization; {@code dsl} as for directories. */
    public OrganizationSettings organization(DSLContext dsl, String organizationId) {
        return cached(organizations, organizationId, () -> load(dsl, organizationId));
    }

    /**
     * Forgets what is kept of an organization and its directories (or of one directory, when given
     * a directory id); called after the commit of a change to them.
     */
    public void changed(String id) {
        generation.incrementAndGet();
        organizations.remove(id);
        directories.remove(id);
        directories.values().removeIf(entry -> entry.value() != null && id.equals(entry.value().getOrganizationId()));
    }

    private <T> T cached(ConcurrentMap<String, Entry<T>> entries, String key, Supplier<T> load) {
        long now = System.nanoTime();
        Entry<T> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < freshForNanos) {
            return entry.value();
        }
        long seen = generation.get();
        T value = load.get();
        if (value != null && generation.get() == seen) {
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    private static OrganizationSettings load(DSLContext dsl, String organizationId) {
        Record4<String, String, Boolean, Boolean> row = dsl.select(ORGANIZATION.NAME, ORGANIZATION.DEFAULT_ROLE,
                        ORGANIZATION.SEND_INVITATIONS,
                        org.jooq.impl.DSL.field(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(GROUP_ROLE)
                                .where(GROUP_ROLE.ORGANIZATION_ID.eq(ORGANIZATION.ID)))))
                .from(ORGANIZATION).where(ORGANIZATION.ID.eq(organizationId)).fetchOne();
        if (row == null) {
            return null;
        }
        Set<String> verified = Set.copyOf(dsl.select(ORGANIZATION_DOMAIN.DOMAIN).from(ORGANIZATION_DOMAIN)
                .where(ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId), ORGANIZATION_DOMAIN.STATE.eq("verified"))
                .fetch(ORGANIZATION_DOMAIN.DOMAIN));
        return new OrganizationSettings(organizationId, row.value1(), row.value2(), Boolean.TRUE.equals(row.value3()),
                Boolean.TRUE.equals(row.value4()), verified);
    }
}
