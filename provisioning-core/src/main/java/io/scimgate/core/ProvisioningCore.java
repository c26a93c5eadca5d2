package io.scimgate.core;

import io.scimgate.core.directory.ActivityRecorder;
import io.scimgate.core.activity.internal.JournalingOutbox;
import io.scimgate.core.activity.ProvisioningLog;
import io.scimgate.core.directory.AttributeMappings;
import io.scimgate.core.directory.Directories;
import io.scimgate.core.directory.SortHistoryPruner;
import io.scimgate.core.directory.DirectoryDetails;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.domain.ConsumerDomains;
import io.scimgate.core.domain.DomainChecks;
import io.scimgate.core.domain.Domains;
import io.scimgate.core.domain.JndiTxtResolver;
import io.scimgate.core.domain.TxtResolver;
import io.scimgate.core.events.EventListener;
import io.scimgate.core.events.Events;
import io.scimgate.core.invitation.InvitationSender;
import io.scimgate.core.invitation.Invitations;
import io.scimgate.core.invitation.InvitationOutbox;
import io.scimgate.core.invitation.internal.InvitationRows;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.membership.Memberships;
import io.scimgate.core.membership.internal.MembershipRows;
import io.scimgate.core.monitoring.CoreMonitor;
import io.scimgate.core.organization.OrganizationRoles;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.provisioning.DirectoryUserStatuses;
import io.scimgate.core.provisioning.internal.Provisioning;
import io.scimgate.core.membership.SessionRevoker;
import io.scimgate.core.role.internal.MemberRoles;
import io.scimgate.core.google.GoogleOptions;
import io.scimgate.core.google.GoogleSync;
import io.scimgate.core.google.GoogleSyncScheduler;
import io.scimgate.core.instance.InstanceHeartbeat;
import io.scimgate.core.lifecycle.BackgroundWorkers;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.secret.StoredSecrets;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.directory.internal.PlannerStatistics;
import io.scimgate.core.tenant.internal.TenantCache;
import io.scimgate.core.store.RetrySchedule;
import io.scimgate.core.store.StoreSchema;
import io.scimgate.core.token.AdminTokens;
import io.scimgate.core.user.Users;
import io.scimgate.core.user.internal.UserRows;
import io.scimgate.core.webhook.WebhookDispatcher;
import io.scimgate.core.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The provisioning core on one store. Build it on any {@link DataSource} (H2 or PostgreSQL):
 * the schema is migrated on {@link Builder#build()}. Nothing here starts a server: a host
 * application reads users, memberships and invitations through it, and hears about every change
 * through its event listeners, session revoker and invitation sender.
 *
 * <p>The store's tables and migration history live in {@link Builder#schema(String)} (default: the
 * connection's current schema); {@link Builder#migrate(boolean) migrate(false)} leaves applying
 * the migrations to the host ({@link ScimgateStore}).
 *
 * <p>Lifecycle: {@link Builder#build()} migrates the store and publishes events; {@link #start()}
 * starts the background workers (each {@link Worker} can be left out with
 * {@link Builder#backgroundWorkers(Set)}); {@link #close()} stops them and publishes what is left,
 * before the host closes its DataSource.
 */
public final class ProvisioningCore implements AutoCloseable {

    /** The background work {@link #start()} starts; the name is what a readiness probe reports. */
    public enum Worker {
        /** Delivers events to webhook endpoints, with retries. */
        WEBHOOKS("webhooks"),
        /** Syncs Google Workspace directories on their schedule. */
        GOOGLE_SYNC("googleSync"),
        /** Hands invitations to the invitation sender, with retries. */
        INVITATION_OUTBOX("invitationOutbox"),
        /** Re-checks pending DNS domains. */
        DOMAIN_CHECKS("domainChecks"),
        /** Writes the provisioning log and prunes it. */
        PROVISIONING_LOG("provisioningLog"),
        /** Prunes the sort history that cursor walks read once no cursor can need it (RULES.md P31). */
        SORT_HISTORY("sortHistory");

        private final String healthName;

        Worker(String healthName) {
            this.healthName = healthName;
        }

        public String healthName() {
            return healthName;
        }
    }

    private final Database database;
    private final Organizations organizations;
    private final Domains domains;
    private final DomainChecks domainChecks;
    private final Directories directories;
    private final DirectoryUsers directoryUsers;
    private final DirectoryGroups directoryGroups;
    private final DirectoryUserStatuses directoryUserStatuses;
    private final Users users;
    private final Memberships memberships;
    private final Invitations invitations;
    private final InvitationOutbox invitationOutbox;
    private final GroupRoles groupRoles;
    private final OrganizationRoles organizationRoles;
    private final AttributeMappings attributeMappings;
    private final DirectoryDetails directoryDetails;
    private final AdminTokens adminTokens;
    private final Events events;
    private final Webhooks webhooks;
    private final WebhookDispatcher webhookDispatcher;
    private final GoogleSync google;
    private final ActivityRecorder directoryActivity;
    private final ProvisioningLog provisioningLog;
    private final StoredSecrets storedSecrets;
    private final SortHistoryPruner sortHistoryPruner;
    private final Optional<PlannerStatistics> plannerStatistics;
    private final BackgroundWorkers backgroundWorkers;

    private ProvisioningCore(Builder builder) {
        this.database = builder.migrate
                ? Database.migrateAndOpen(builder.dataSource, builder.schema)
                : Database.openMigrated(builder.dataSource, builder.schema);
        Clock clock = builder.clock;
        // The journal shows each SCIM request what it changed, for the provisioning log.
        this.events = new Events(database, clock, JournalingOutbox::new);
        builder.eventListeners.forEach(events::addListener);
        this.plannerStatistics = PlannerStatistics.isNeededFor(database) ? Optional.of(new PlannerStatistics(database))
                : Optional.empty();
        plannerStatistics.ifPresent(events::addListener);
        this.organizations = new Organizations(database, clock);
        TenantCache tenants = new TenantCache(database, builder.tenantCacheFreshness);
        // The provisioning rules first: the services whose changes they follow are built with them as their hook.
        UserRows userRows = new UserRows(clock);
        MembershipRows membershipRows = new MembershipRows(clock);
        this.invitationOutbox = new InvitationOutbox(database, clock, builder.invitationSender,
                builder.invitationAcceptUrl, builder.invitationDeliveryRetries);
        InvitationRows invitationRows = new InvitationRows(clock, builder.invitationExpiry, builder.invitationAcceptUrl,
                invitationOutbox);
        this.invitations = new Invitations(database, clock, invitationRows, invitationOutbox, membershipRows, userRows);
        MemberRoles memberRoles = new MemberRoles(membershipRows);
        Provisioning provisioning = new Provisioning(userRows, membershipRows, invitationRows, builder.sessionRevoker,
                tenants, memberRoles);
        this.domains = new Domains(database, clock, builder.consumerDomains, builder.txtResolver,
                builder.txtRecordPrefix, builder.domainVerificationWindow, builder.domainRechecks, provisioning);
        this.domainChecks = new DomainChecks(database, clock, domains);
        this.directoryActivity = new ActivityRecorder(database, clock);
        this.directories = new Directories(database, clock, tenants, directoryActivity, provisioning);
        this.users = new Users(database);
        this.memberships = new Memberships(database, membershipRows, builder.sessionRevoker, (tx, membership) ->
                invitationRows.revokePending(tx, membership.organizationId(), membership.userId()));
        this.groupRoles = new GroupRoles(database,
                (tx, organizationId, people) -> memberRoles.recompute(tx, organizationId, people, MemberRoles.Otherwise.DEFAULT));
        this.organizationRoles = new OrganizationRoles(database, clock, (tx, organizationId, added) -> memberRoles.recompute(tx,
                organizationId, MemberRoles.peopleWithIdpRoles(tx.dsl(), organizationId), MemberRoles.Otherwise.KEEP_CURRENT));
        this.attributeMappings = new AttributeMappings(database, clock);
        this.directoryDetails = new DirectoryDetails(database);
        this.directoryUsers = new DirectoryUsers(database, clock, provisioning, tenants);
        this.directoryGroups = new DirectoryGroups(database, clock, tenants, provisioning);
        this.directoryUserStatuses = new DirectoryUserStatuses(database);
        this.adminTokens = new AdminTokens(database, clock);
        this.webhooks = new Webhooks(database, clock, events);
        this.webhookDispatcher = new WebhookDispatcher(database, clock, events);
        this.google = new GoogleSync(database, clock, directoryUsers, directoryGroups, builder.secretBox, builder.google);
        this.provisioningLog = new ProvisioningLog(database, clock, organizations, directoryUserStatuses,
                builder.provisioningLogRetention, builder.provisioningLogRowsPerDirectory);
        this.storedSecrets = new StoredSecrets(database, builder.secretBox);
        CoreMonitor monitor = CoreMonitor.all(builder.monitors);
        provisioningLog.monitoredBy(monitor);
        webhookDispatcher.monitoredBy(monitor);
        invitationOutbox.monitoredBy(monitor);
        google.monitoredBy(monitor);
        this.sortHistoryPruner = new SortHistoryPruner(database, clock);
        this.backgroundWorkers = backgroundWorkers(builder.workers);
        events.start();
        directoryActivity.start();
        plannerStatistics.ifPresent(PlannerStatistics::start);
    }

    private BackgroundWorkers backgroundWorkers(Set<Worker> enabled) {
        BackgroundWorkers workers = new BackgroundWorkers();
        for (Worker worker : enabled) {
            workers.add(switch (worker) {
                case WEBHOOKS -> new BackgroundWorkers.Worker(worker.healthName(), webhookDispatcher::start,
                        webhookDispatcher::isAlive, webhookDispatcher);
                case GOOGLE_SYNC -> {
                    GoogleSyncScheduler scheduler = new GoogleSyncScheduler(google, GoogleSyncScheduler.DEFAULT_POLL);
                    yield new BackgroundWorkers.Worker(worker.healthName(), scheduler::start, scheduler::isAlive, scheduler);
                }
                case INVITATION_OUTBOX -> new BackgroundWorkers.Worker(worker.healthName(), invitationOutbox::start,
                        invitationOutbox::isRunning, invitationOutbox);
                case DOMAIN_CHECKS -> new BackgroundWorkers.Worker(worker.healthName(), domainChecks::start,
                        domainChecks::isRunning, domainChecks);
                case PROVISIONING_LOG -> new BackgroundWorkers.Worker(worker.healthName(), provisioningLog::start,
                        provisioningLog::isRunning, provisioningLog);
                case SORT_HISTORY -> new BackgroundWorkers.Worker(worker.healthName(), sortHistoryPruner::start,
                        sortHistoryPruner::isRunning, sortHistoryPruner);
            });
        }
        return workers;
    }

    /** Starts the background workers chosen with {@link Builder#backgroundWorkers(Set)} (all by default); once. */
    public ProvisioningCore start() {
        backgroundWorkers.start();
        return this;
    }

    /** The background workers {@link #start()} starts: each one's health, and a way to stop them all at a safe point. */
    public BackgroundWorkers backgroundWorkers() {
        return backgroundWorkers;
    }

    /**
     * Stops the background workers at a safe point, publishes the events committed so far and
     * stops the core's own threads; the host closes its DataSource afterwards. Events committed
     * but not published when a process dies are published by the next core to start on the store
     * (RULES.md P25).
     */
    @Override
    public void close() {
        backgroundWorkers.stop();
        webhookDispatcher.close();
        provisioningLog.close();
        directoryActivity.close();
        events.close();
        plannerStatistics.ifPresent(PlannerStatistics::close);
    }

    /** Counts each directory's requests and activates a directory at its first one. */
    public ActivityRecorder directoryActivity() {
        return directoryActivity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The store, for the core's own tests (through their {@code CoreInternals}); hosts use the services. */
    Database database() {
        return database;
    }

    /**
     * A new heartbeat of this instance in the shared store, for a server that counts the live
     * instances sharing it (e.g. to split a rate limit); the caller starts and closes it.
     */
    public InstanceHeartbeat newInstanceHeartbeat() {
        return new InstanceHeartbeat(database);
    }

    public Organizations organizations() {
        return organizations;
    }

    public Domains domains() {
        return domains;
    }

    /** Re-checks pending domains in the background once started (the bundled server starts it). */
    public DomainChecks domainChecks() {
        return domainChecks;
    }

    public Directories directories() {
        return directories;
    }

    public DirectoryUsers directoryUsers() {
        return directoryUsers;
    }

    public DirectoryGroups directoryGroups() {
        return directoryGroups;
    }

    /** Directory users with their provisioning state and reason. */
    public DirectoryUserStatuses directoryUserStatuses() {
        return directoryUserStatuses;
    }

    public Users users() {
        return users;
    }

    public Memberships memberships() {
        return memberships;
    }

    public Invitations invitations() {
        return invitations;
    }

    /** Hands invitations to the invitation sender, with retries; the bundled server starts it. */
    public InvitationOutbox invitationOutbox() {
        return invitationOutbox;
    }

    public GroupRoles groupRoles() {
        return groupRoles;
    }

    /** Each organization's role catalogue (P26). */
    public OrganizationRoles organizationRoles() {
        return organizationRoles;
    }

    /** Each directory's attribute mapping and its users' custom attributes (P27). */
    public AttributeMappings attributeMappings() {
        return attributeMappings;
    }

    /** Directory users and groups as a host app needs them: emails, groups, role, custom attributes. */
    public DirectoryDetails directoryDetails() {
        return directoryDetails;
    }

    public AdminTokens adminTokens() {
        return adminTokens;
    }

    public Events events() {
        return events;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** Delivers events to webhook endpoints once started; the bundled server starts it. */
    public WebhookDispatcher webhookDispatcher() {
        return webhookDispatcher;
    }

    /** Google Workspace directories: settings, runs, run history. Start a {@code GoogleSyncScheduler} to sync on schedule. */
    public GoogleSync google() {
        return google;
    }

    /**
     * Each directory's SCIM requests with what they changed and why, and its request counts; the
     * server records into it, and its background writer runs once started.
     */
    public ProvisioningLog provisioningLog() {
        return provisioningLog;
    }

    /** The secrets kept sealed in the store; re-sealed with the newest key after a key rotation. */
    public StoredSecrets storedSecrets() {
        return storedSecrets;
    }

    public static final class Builder {
        private DataSource dataSource;
        private StoreSchema schema = StoreSchema.CURRENT;
        private boolean migrate = true;
        private Clock clock = Clock.systemUTC();
        private ConsumerDomains consumerDomains = ConsumerDomains.bundled();
        private TxtResolver txtResolver = new JndiTxtResolver();
        private String txtRecordPrefix = Domains.DEFAULT_TXT_PREFIX;
        private Duration domainVerificationWindow = Domains.DEFAULT_VERIFICATION_WINDOW;
        private RetrySchedule domainRechecks = DomainChecks.DEFAULT_RECHECKS;
        private final List<EventListener> eventListeners = new ArrayList<>();
        private SessionRevoker sessionRevoker = SessionRevoker.NONE;
        private InvitationSender invitationSender;
        private RetrySchedule invitationDeliveryRetries = InvitationOutbox.DEFAULT_RETRIES;
        private Duration invitationExpiry = Invitations.DEFAULT_EXPIRY;
        private String invitationAcceptUrl;
        private SecretBox secretBox;
        private GoogleOptions google = GoogleOptions.defaults();
        private Duration tenantCacheFreshness = TenantCache.FRESH_FOR;
        private Duration provisioningLogRetention = ProvisioningLog.DEFAULT_RETENTION;
        private int provisioningLogRowsPerDirectory = ProvisioningLog.DEFAULT_ROWS_PER_DIRECTORY;
        private final List<CoreMonitor> monitors = new ArrayList<>();
        private Set<Worker> workers = EnumSet.allOf(Worker.class);

        private Builder() {
        }

        /**
         * The background work {@link ProvisioningCore#start()} starts; all of it by default. A host
         * that runs a worker elsewhere (e.g. Google sync on one instance only) leaves it out.
         */
        public Builder backgroundWorkers(Set<Worker> workers) {
            this.workers = workers.isEmpty() ? EnumSet.noneOf(Worker.class) : EnumSet.copyOf(workers);
            return this;
        }

        /**
         * Is told about provisioning outcomes, webhook deliveries, invitation deliveries and Google
         * sync runs, for metrics or logs (the bundled server binds it to Micrometer); several may
         * be added.
         */
        public Builder monitor(CoreMonitor monitor) {
            this.monitors.add(Objects.requireNonNull(monitor));
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * The database schema for scimgate's tables and its migration history table (created when
         * missing), e.g. {@code scimgate}, kept apart from a host's own tables; null or blank: the
         * connection's current schema, where stores made before this option have theirs.
         */
        public Builder schema(String schema) {
            this.schema = StoreSchema.of(schema);
            return this;
        }

        /**
         * Whether {@link #build()} applies pending migrations (the default). With false, the host
         * applies them itself ({@link ScimgateStore#migrate}, or its own Flyway) and build fails,
         * naming them, while any is missing.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Replaces the bundled list of consumer domains (P2) with {@code domains}. */
        public Builder consumerDomains(Collection<String> domains) {
            this.consumerDomains = new ConsumerDomains(domains);
            return this;
        }

        /** Adds {@code domains} to the consumer domains no organization may claim (P2). */
        public Builder extraConsumerDomains(Collection<String> domains) {
            this.consumerDomains = consumerDomains.plus(domains);
            return this;
        }

        public Builder txtResolver(TxtResolver resolver) {
            this.txtResolver = Objects.requireNonNull(resolver);
            return this;
        }

        public Builder txtRecordPrefix(String prefix) {
            this.txtRecordPrefix = Objects.requireNonNull(prefix);
            return this;
        }

        public Builder domainVerificationWindow(Duration window) {
            this.domainVerificationWindow = Objects.requireNonNull(window);
            return this;
        }

        /** How often a pending DNS domain's TXT record is looked up again; by default 1 minute doubling to an hour. */
        public Builder domainRechecks(RetrySchedule rechecks) {
            this.domainRechecks = Objects.requireNonNull(rechecks);
            return this;
        }

        /** Called after commit for every event; see {@link EventListener}. */
        public Builder eventListener(EventListener listener) {
            this.eventListeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** Ends a deprovisioned member's sessions in the host app (P19). */
        public Builder sessionRevoker(SessionRevoker revoker) {
            this.sessionRevoker = Objects.requireNonNull(revoker);
            return this;
        }

        /**
         * Delivers invitations (e.g. {@code SmtpInvitationSender}), from an outbox with retries. Without
         * one, invitations are only logged as due; host apps then mail the accept URL of the
         * {@code invitation.created} event themselves.
         */
        public Builder invitationSender(InvitationSender sender) {
            this.invitationSender = Objects.requireNonNull(sender);
            return this;
        }

        /** When a failed invitation delivery is tried again; by default 30 s doubling up to an hour. */
        public Builder invitationDeliveryRetries(RetrySchedule retries) {
            this.invitationDeliveryRetries = Objects.requireNonNull(retries);
            return this;
        }

        public Builder invitationExpiry(Duration expiry) {
            if (expiry.isNegative() || expiry.isZero()) {
                throw new IllegalArgumentException("invitation expiry must be positive");
            }
            this.invitationExpiry = expiry;
            return this;
        }

        /** The URL invitees open, with {@code {token}} where the token goes, e.g. {@code https://app.example/join?token={token}}. */
        public Builder invitationAcceptUrl(String template) {
            this.invitationAcceptUrl = template;
            return this;
        }

        /** Encrypts secrets kept in the store (Google service-account keys); without it they can only be given by file. */
        public Builder secretBox(SecretBox secretBox) {
            this.secretBox = secretBox;
            return this;
        }

        /** Google endpoints, backoff and lease settings; the defaults talk to Google itself. */
        public Builder google(GoogleOptions options) {
            this.google = Objects.requireNonNull(options);
            return this;
        }

        /**
         * How long each instance trusts what it read of directories, their tokens and organization
         * settings: the longest another instance may take to see a revoked token, a deleted directory,
         * a verified domain or a new role mapping (default 1 s; the instance making the change sees it
         * at once).
         */
        public Builder tenantCacheFreshness(Duration freshness) {
            if (freshness.isNegative()) {
                throw new IllegalArgumentException("tenant cache freshness cannot be negative");
            }
            this.tenantCacheFreshness = freshness;
            return this;
        }

        /** How long provisioning log lines and request counts are kept, and at most how many lines per directory. */
        public Builder provisioningLogRetention(Duration retention, int rowsPerDirectory) {
            this.provisioningLogRetention = Objects.requireNonNull(retention);
            this.provisioningLogRowsPerDirectory = rowsPerDirectory;
            return this;
        }

        public ProvisioningCore build() {
            Objects.requireNonNull(dataSource, "dataSource");
            return new ProvisioningCore(this);
        }
    }
}
