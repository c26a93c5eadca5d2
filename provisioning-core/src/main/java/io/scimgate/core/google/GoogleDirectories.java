package io.scimgate.core.google;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.GOOGLE_DIRECTORY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.Directories;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.GoogleDirectoryRecord;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The sync settings of Google directories: set, read, removed, and "sync now". */
public final class GoogleDirectories {

    public static final String DEFAULT_CUSTOMER = "my_customer";
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMinutes(30);
    public static final Duration MIN_SYNC_INTERVAL = Duration.ofMinutes(5);
    public static final Duration MAX_SYNC_INTERVAL = Duration.ofDays(1);
    public static final int MAX_GROUPS = 200;
    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;
    private final Credentials credentials;
    private final List<Runnable> syncRequestListeners = new CopyOnWriteArrayList<>();

    GoogleDirectories(Database database, Clock clock, Credentials credentials) {
        this.database = database;
        this.clock = clock;
        this.credentials = credentials;
    }

    /**
     * Sets (or replaces) the settings of a directory whose provider is {@code google}, and asks
     * for a sync with them. The credentials are checked (the key must parse) before anything is stored.
     */
    public GoogleDirectoryConfig configure(String directoryId, GoogleDirectorySettings settings) {
        GoogleDirectoryConfig config = store(directoryId, settings);
        syncRequestListeners.forEach(Runnable::run);
        return config;
    }

    private GoogleDirectoryConfig store(String directoryId, GoogleDirectorySettings settings) {
        String customer = customer(settings.customer());
        String adminEmail = adminEmail(settings.adminEmail());
        List<String> groups = groups(settings.groups());
        Duration interval = interval(settings.syncInterval());
        Credentials.Stored stored = credentials(directoryId, settings);
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            requireGoogleDirectory(dsl, directoryId);
            OffsetDateTime now = Times.now(clock);
            GoogleDirectoryRecord row = dsl.selectFrom(GOOGLE_DIRECTORY)
                    .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId))
                    .forUpdate()
                    .fetchOptional()
                    .orElse(null);
            boolean created = row == null;
            if (created) {
                if (stored == null) {
                    throw new ScimgateException(ErrorCode.CREDENTIALS_REQUIRED,
                            "Give the service account key: serviceAccountKey (stored encrypted) or serviceAccountKeyFile");
                }
                row = dsl.newRecord(GOOGLE_DIRECTORY);
                row.setDirectoryId(directoryId);
                row.setCreatedAt(now);
                row.setNextSyncAt(now);
            }
            if (stored != null) {
                row.setServiceAccountEmail(stored.key().clientEmail());
                row.setKeyId(stored.key().keyId());
                row.setCredentialStorage(stored.storage());
                row.setCredential(stored.value());
            }
            row.setCustomer(customer);
            row.setAdminEmail(adminEmail);
            row.setGroupFilter(json(groups));
            row.setSyncIntervalSeconds((int) interval.toSeconds());
            row.setSyncRequestedAt(now);
            row.setUpdatedAt(now);
            if (created) {
                row.insert();
            } else {
                row.update();
            }
            return toConfig(row, now);
        });
    }

    public Optional<GoogleDirectoryConfig> find(String directoryId) {
        return database.dsl().selectFrom(GOOGLE_DIRECTORY)
                .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId))
                .fetchOptional(row -> toConfig(row, Times.now(clock)));
    }

    public GoogleDirectoryConfig get(String directoryId) {
        return find(directoryId).orElseThrow(() -> notConfigured(directoryId));
    }

    /** Stops syncing the directory; its users and groups stay as the last sync left them. */
    public void remove(String directoryId) {
        int removed = database.transaction(tx -> tx.dsl().deleteFrom(GOOGLE_DIRECTORY)
                .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId))
                .execute());
        if (removed == 0) {
            throw notConfigured(directoryId);
        }
    }

    /**
     * Asks for a sync as soon as possible: the next free instance runs it. A request made while a
     * run is under way is kept, and leads to one more run after it.
     */
    public GoogleDirectoryConfig requestSync(String directoryId) {
        OffsetDateTime now = Times.now(clock);
        int updated = database.transaction(tx -> tx.dsl().update(GOOGLE_DIRECTORY)
                .set(GOOGLE_DIRECTORY.SYNC_REQUESTED_AT, now)
                .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId))
                .execute());
        if (updated == 0) {
            throw notConfigured(directoryId);
        }
        syncRequestListeners.forEach(Runnable::run);
        return get(directoryId);
    }

    /** Called after each {@link #requestSync}; a scheduler uses it to start at once instead of at its next tick. */
    public void onSyncRequested(Runnable listener) {
        syncRequestListeners.add(listener);
    }

    /** Directories whose sync is due (scheduled time reached or requested) and not held by a live lease. */
    List<String> due(int limit) {
        OffsetDateTime now = Times.now(clock);
        return database.dsl().select(GOOGLE_DIRECTORY.DIRECTORY_ID)
                .from(GOOGLE_DIRECTORY)
                .where(GOOGLE_DIRECTORY.NEXT_SYNC_AT.le(now).or(GOOGLE_DIRECTORY.SYNC_REQUESTED_AT.isNotNull()))
                .and(GOOGLE_DIRECTORY.LEASE_OWNER.isNull().or(GOOGLE_DIRECTORY.LEASE_EXPIRES_AT.lt(now)))
                .orderBy(DSL.coalesce(GOOGLE_DIRECTORY.SYNC_REQUESTED_AT, GOOGLE_DIRECTORY.NEXT_SYNC_AT),
                        GOOGLE_DIRECTORY.DIRECTORY_ID)
                .limit(limit)
                .fetch(GOOGLE_DIRECTORY.DIRECTORY_ID);
    }

    /** The directory's service-account key, decrypted or read from its file. */
    ServiceAccountKey key(String directoryId) {
        GoogleDirectoryRecord row = database.dsl().selectFrom(GOOGLE_DIRECTORY)
                .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId))
                .fetchOptional()
                .orElseThrow(() -> notConfigured(directoryId));
        return credentials.load(directoryId, row.getCredentialStorage(), row.getCredential());
    }

    static GoogleDirectoryConfig toConfig(GoogleDirectoryRecord row, OffsetDateTime now) {
        boolean syncing = row.getLeaseOwner() != null && row.getLeaseExpiresAt() != null
                && !row.getLeaseExpiresAt().isBefore(now);
        return new GoogleDirectoryConfig(row.getDirectoryId(), row.getCustomer(), row.getAdminEmail(),
                row.getServiceAccountEmail(), row.getKeyId(), row.getCredentialStorage(),
                Credentials.FILE.equals(row.getCredentialStorage()) ? row.getCredential() : null,
                groups(row.getGroupFilter()), Duration.ofSeconds(row.getSyncIntervalSeconds()),
                Times.instant(row.getNextSyncAt()), Times.instant(row.getSyncRequestedAt()), syncing,
                Times.instant(row.getCreatedAt()), Times.instant(row.getUpdatedAt()));
    }

    private Credentials.Stored credentials(String directoryId, GoogleDirectorySettings settings) {
        boolean json = settings.serviceAccountKeyJson() != null;
        boolean file = settings.serviceAccountKeyFile() != null;
        if (json && file) {
            throw new ScimgateException(ErrorCode.AMBIGUOUS_CREDENTIALS, "Give serviceAccountKey or serviceAccountKeyFile, not both");
        }
        if (json) {
            return credentials.fromJson(directoryId, settings.serviceAccountKeyJson());
        }
        return file ? credentials.fromFile(settings.serviceAccountKeyFile().trim()) : null;
    }

    private static void requireGoogleDirectory(DSLContext dsl, String directoryId) {
        String provider = dsl.select(DIRECTORY.PROVIDER).from(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).forUpdate()
                .fetchOptional(DIRECTORY.PROVIDER)
                .orElseThrow(() -> Directories.notFound(directoryId));
        if (DirectoryProvider.fromSlug(provider) != DirectoryProvider.GOOGLE) {
            throw new ScimgateException(ErrorCode.NOT_A_GOOGLE_DIRECTORY,
                    "Directory " + directoryId + " has provider " + provider + "; only google directories sync from Google");
        }
    }

    private static String customer(String customer) {
        if (customer == null || customer.isBlank()) {
            return DEFAULT_CUSTOMER;
        }
        if (!CUSTOMER.matcher(customer.trim()).matches()) {
            throw new ScimgateException(ErrorCode.INVALID_CUSTOMER,
                    "customer is my_customer or a Google customer id such as C01abc2de (letters, digits, _)");
        }
        return customer.trim();
    }

    private static String adminEmail(String adminEmail) {
        if (adminEmail == null || adminEmail.isBlank()) {
            throw new ScimgateException(ErrorCode.ADMIN_EMAIL_REQUIRED,
                    "adminEmail is required: the Workspace admin the service account acts as");
        }
        String trimmed = adminEmail.trim();
        if (trimmed.length() > 320 || !EMAIL.matcher(trimmed).matches()) {
            throw new ScimgateException(ErrorCode.INVALID_ADMIN_EMAIL, "adminEmail must be an e-mail address");
        }
        return trimmed;
    }

    private static List<String> groups(List<String> groups) {
        if (groups == null) {
            return List.of();
        }
        if (groups.size() > MAX_GROUPS) {
            throw new ScimgateException(ErrorCode.TOO_MANY_GROUPS, "The group filter holds at most " + MAX_GROUPS + " groups");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String group : groups) {
            if (group == null || group.isBlank() || group.trim().length() > 320) {
                throw new ScimgateException(ErrorCode.INVALID_GROUP,
                        "Each group is a group's e-mail address, alias or id (at most 320 characters)");
            }
            unique.putIfAbsent(group.trim().toLowerCase(Locale.ROOT), group.trim());
        }
        return new ArrayList<>(unique.values());
    }

    private static Duration interval(Duration interval) {
        if (interval == null) {
            return DEFAULT_SYNC_INTERVAL;
        }
        if (interval.compareTo(MIN_SYNC_INTERVAL) < 0 || interval.compareTo(MAX_SYNC_INTERVAL) > 0) {
            throw new ScimgateException(ErrorCode.INVALID_SYNC_INTERVAL, "The sync interval is between "
                    + MIN_SYNC_INTERVAL.toMinutes() + " minutes and " + MAX_SYNC_INTERVAL.toHours() + " hours");
        }
        return interval;
    }

    private static String json(List<String> groups) {
        try {
            return JSON.writeValueAsString(groups);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> groups(String json) {
        try {
            return List.copyOf(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScimgateException notConfigured(String directoryId) {
        return new ScimgateException(ErrorCode.GOOGLE_SYNC_NOT_CONFIGURED,
                "Directory " + directoryId + " has no Google sync settings");
    }
}
