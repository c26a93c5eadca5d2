package io.scimgate.core.google;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.schema.tables.records.GoogleSyncRunRecord;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Workspace directories: their settings ({@link #directories()}), their run history
 * ({@link #runs()}) and the runs themselves. A run holds the directory's lease from start to end,
 * so one directory is never synced twice at once, whatever the number of instances on the store.
 * Nothing here starts a thread: {@link GoogleSyncScheduler} calls {@link #syncDue(StopSignal)} on a timer.
 */
public final class GoogleSync {

    public static final String TRIGGER_SCHEDULE = "schedule";
    public static final String TRIGGER_REQUEST = "request";
    private static final Logger LOG = LoggerFactory.getLogger(GoogleSync.class);
    private static final int DUE_BATCH = 50;

    private final Database database;
    private final Clock clock;
    private final DirectoryUsers users;
    private final DirectoryGroups groups;
    private final GoogleOptions options;
    private final GoogleDirectories directories;
    private final SyncRuns runs;
    private final HttpClient httpClient;
    private final String instanceId = Ids.newId();
    private volatile GoogleSyncMonitor monitor = new GoogleSyncMonitor() {
    };

    /** @param secretBox encrypts stored service-account keys; null when the host configured no secret key */
    public GoogleSync(Database database, Clock clock, DirectoryUsers users, DirectoryGroups groups, SecretBox secretBox,
            GoogleOptions options) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.groups = groups;
        this.options = options;
        this.directories = new GoogleDirectories(database, clock, new Credentials(secretBox));
        this.runs = new SyncRuns(database, clock, options.runsKept());
        this.httpClient = GoogleHttp.newClient();
    }

    /** Is told about each run once it is recorded as finished. */
    public void monitoredBy(GoogleSyncMonitor monitor) {
        this.monitor = monitor;
    }

    public GoogleDirectories directories() {
        return directories;
    }

    public SyncRuns runs() {
        return runs;
    }

    /** Syncs the directory here and now, unless a sync of it is running already (here or elsewhere): then empty. */
    public Optional<SyncRun> syncNow(String directoryId) {
        directories.get(directoryId);
        return sync(directoryId, TRIGGER_REQUEST, new StopSignal());
    }

    /** Syncs, one after the other, the directories that are due and that no other instance is syncing. */
    public List<SyncRun> syncDue() {
        return syncDue(new StopSignal());
    }

    /** As {@link #syncDue()}; {@code stop} ends the run under way at its next wait and skips the rest. */
    public List<SyncRun> syncDue(StopSignal stop) {
        List<SyncRun> ran = new ArrayList<>();
        for (String directoryId : directories.due(DUE_BATCH)) {
            if (stop.isStopped()) {
                break;
            }
            sync(directoryId, null, stop).ifPresent(ran::add);
        }
        return ran;
    }

    private Optional<SyncRun> sync(String directoryId, String trigger, StopSignal stop) {
        Optional<SyncLease> taken = SyncLease.acquire(database, clock, options.lease(), directoryId, instanceId);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        SyncLease lease = taken.get();
        Duration interval = GoogleDirectories.DEFAULT_SYNC_INTERVAL;
        try {
            GoogleDirectoryConfig config = directories.get(directoryId);
            interval = config.syncInterval();
            return Optional.of(run(config, lease, trigger != null ? trigger
                    : config.syncRequestedAt() != null ? TRIGGER_REQUEST : TRIGGER_SCHEDULE, stop));
        } finally {
            lease.release(interval);
        }
    }

    /** One recorded run under a lease already held. */
    private SyncRun run(GoogleDirectoryConfig config, SyncLease lease, String trigger, StopSignal stop) {
        String directoryId = config.directoryId();
        GoogleSyncRunRecord row = runs.start(directoryId, trigger);
        SyncCounts counts = new SyncCounts();
        Runnable checkpoint = () -> {
            stop.check();
            lease.keepAlive();
        };
        GoogleHttp http = new GoogleHttp(httpClient, options.backoff(), stop, checkpoint);
        String failure = null;
        try {
            ServiceAccountKey key = directories.key(directoryId);
            try (AccessTokens tokens = new AccessTokens(key, config.adminEmail(), options.tokenUrl(), http)) {
                GoogleDirectoryApi api = new GoogleDirectoryApi(options.apiBaseUrl(), http, tokens, options.requestTimeout());
                RunContext context = new RunContext(directoryId, counts, checkpoint,
                        () -> runs.progress(row, counts));
                new DirectorySync(context, config, api, users, groups).run();
            }
        } catch (GoogleApiException | SyncFailure | ScimgateException | CancellationException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = "Unexpected " + e.getClass().getSimpleName() + "; see the server log";
            LOG.error("Google sync of directory {} failed unexpectedly", directoryId, e);
        }
        SyncRun run = runs.finish(row, counts, http.retries(), failure);
        log(run);
        monitor.googleSyncFinished(run);
        return run;
    }

    private static void log(SyncRun run) {
        if (run.status().equals(SyncRun.FAILED)) {
            LOG.warn("Google sync of directory {} failed after {} retries: {}", run.directoryId(), run.apiRetries(), run.error());
            return;
        }
        LOG.info("Google sync of directory {} {}: users +{} ~{} inactive {} -{}, groups +{} ~{} -{}, {} retries{}",
                run.directoryId(), run.status(), run.usersCreated(), run.usersUpdated(), run.usersDeactivated(),
                run.usersDeleted(), run.groupsCreated(), run.groupsUpdated(), run.groupsDeleted(), run.apiRetries(),
                run.error() == null ? "" : "; " + run.error());
    }
}
