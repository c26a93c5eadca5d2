package io.scimgate.core;

import io.scimgate.core.directory.Directories;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.domain.ConsumerDomains;
import io.scimgate.core.domain.Domains;
import io.scimgate.core.domain.JndiTxtResolver;
import io.scimgate.core.domain.TxtResolver;
import io.scimgate.core.events.EventListener;
import io.scimgate.core.events.Events;
import io.scimgate.core.google.GoogleOptions;
import io.scimgate.core.google.GoogleSync;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.store.Database;
import io.scimgate.core.token.AdminTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The provisioning core on one store. Build it on any {@link DataSource} (H2 or PostgreSQL):
 * the schema is migrated on {@link Builder#build()}. Nothing here starts a server.
 */
public final class ProvisioningCore {

    private final Database database;
    private final Organizations organizations;
    private final Domains domains;
    private final Directories directories;
    private final DirectoryUsers directoryUsers;
    private final DirectoryGroups directoryGroups;
    private final AdminTokens adminTokens;
    private final Events events;
    private final GoogleSync google;

    private ProvisioningCore(Builder builder) {
        this.database = Database.migrateAndOpen(builder.dataSource);
        Clock clock = builder.clock;
        this.events = new Events(database, clock);
        builder.eventListeners.forEach(events::addListener);
        database.useOutbox(events);
        this.organizations = new Organizations(database, clock);
        this.domains = new Domains(database, clock, builder.consumerDomains, builder.txtResolver,
                builder.txtRecordPrefix, builder.domainVerificationWindow);
        this.directories = new Directories(database, clock);
        this.directoryUsers = new DirectoryUsers(database, clock);
        this.directoryGroups = new DirectoryGroups(database, clock);
        this.adminTokens = new AdminTokens(database, clock);
        this.google = new GoogleSync(database, clock, directoryUsers, directoryGroups, builder.secretBox, builder.google);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Database database() {
        return database;
    }

    public Organizations organizations() {
        return organizations;
    }

    public Domains domains() {
        return domains;
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

    public AdminTokens adminTokens() {
        return adminTokens;
    }

    public Events events() {
        return events;
    }

    /** Google Workspace directories: settings, runs, run history. Start a {@code GoogleSyncScheduler} to sync on schedule. */
    public GoogleSync google() {
        return google;
    }

    public static final class Builder {
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private ConsumerDomains consumerDomains = ConsumerDomains.defaults();
        private TxtResolver txtResolver = new JndiTxtResolver();
        private String txtRecordPrefix = Domains.DEFAULT_TXT_PREFIX;
        private Duration domainVerificationWindow = Domains.DEFAULT_VERIFICATION_WINDOW;
        private final List<EventListener> eventListeners = new ArrayList<>();
        private SecretBox secretBox;
        private GoogleOptions google = GoogleOptions.defaults();

        private Builder() {
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder consumerDomains(Collection<String> domains) {
            this.consumerDomains = new ConsumerDomains(domains);
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

        /** Called after commit for every event; see {@link EventListener}. */
        public Builder eventListener(EventListener listener) {
            this.eventListeners.add(Objects.requireNonNull(listener));
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

        public ProvisioningCore build() {
            Objects.requireNonNull(dataSource, "dataSource");
            return new ProvisioningCore(this);
        }
    }
}
