package io.scimgate.core.domain;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION_DOMAIN;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.domain.internal.DomainVerifiedHook;
import io.scimgate.core.organization.internal.OrganizationRows;
import io.scimgate.core.store.internal.Constraints;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.RetrySchedule;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.OrganizationDomainRecord;
import io.scimgate.core.token.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Domains of organizations and their verification (P1–P3); {@link DomainChecks} re-checks pending ones. */
public final class Domains {

    public static final Duration DEFAULT_VERIFICATION_WINDOW = Duration.ofDays(30);
    public static final String DEFAULT_TXT_PREFIX = "_scimgate-verification";

    private final Database database;
    private final Clock clock;
    private final ConsumerDomains consumerDomains;
    private final TxtResolver txtResolver;
    private final String txtPrefix;
    private final Duration verificationWindow;
    private final RetrySchedule rechecks;
    private final DomainVerifiedHook onVerified;

    /**
     * @param rechecks when the background check looks a pending DNS domain up again (see {@link DomainChecks})
     * @param onVerified told inside the verifying transaction that a domain became verified (P24)
     */
    public Domains(Database database, Clock clock, ConsumerDomains consumerDomains, TxtResolver txtResolver,
            String txtPrefix, Duration verificationWindow, RetrySchedule rechecks, DomainVerifiedHook onVerified) {
        this.database = database;
        this.clock = clock;
        this.consumerDomains = consumerDomains;
        this.txtResolver = txtResolver;
        this.txtPrefix = txtPrefix;
        this.verificationWindow = verificationWindow;
        this.rechecks = rechecks;
        this.onVerified = onVerified;
    }

    public OrganizationDomain add(String organizationId, String domain, VerificationStrategy strategy) {
        String normalized = DomainName.normalize(domain);
        if (consumerDomains.contains(normalized)) {
            throw new ScimgateException(ErrorCode.CONSUMER_DOMAIN,
                    normalized + " is a public e-mail provider's domain and cannot belong to an organization");
        }
        OffsetDateTime now = Times.now(clock);
        OrganizationDomainRecord row = new OrganizationDomainRecord()
                .setId(Ids.newId())
                .setOrganizationId(organizationId)
                .setDomain(normalized)
                .setState(DomainState.PENDING.slug())
                .setVerificationStrategy(strategy.slug())
                .setVerificationToken("scimgate-domain-verification=" + SecretTokens.generate(""))
                .setCreatedAt(now)
                .setCheckAttempts(0)
                .setNextCheckAt(strategy == VerificationStrategy.DNS ? now.plus(rechecks.first()) : now.plus(verificationWindow));
        try {
            database.transaction(tx -> {
                DSLContext dsl = tx.dsl();
                OrganizationRows.requireExists(dsl, organizationId);
                return dsl.executeInsert(row);
            });
        } catch (DataAccessException e) {
            if (Constraints.isUniqueViolation(e, "organization_domain_uk")) {
                throw new ScimgateException(ErrorCode.DOMAIN_ALREADY_ADDED,
                        normalized + " is already a domain of this organization");
            }
            throw e;
        }
        return toDomain(row);
    }

    public List<OrganizationDomain> list(String organizationId) {
        return database.dsl().selectFrom(ORGANIZATION_DOMAIN)
                .where(ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ORGANIZATION_DOMAIN.DOMAIN)
                .fetch(this::toDomain);
    }

    public OrganizationDomain get(String organizationId, String domainId) {
        return find(database.dsl(), organizationId, domainId).orElseThrow(() -> notFound(domainId));
    }

    /**
     * Verifies a domain: a manual domain on the operator's word, a DNS domain when its TXT record
     * holds the issued token. Verifying a verified domain changes nothing.
     */
    public OrganizationDomain verify(String organizationId, String domainId) {
        OrganizationDomain current = get(organizationId, domainId);
        if (current.state() == DomainState.VERIFIED) {
            return current;
        }
        if (current.state() == DomainState.FAILED) {
            throw new ScimgateException(ErrorCode.DOMAIN_VERIFICATION_EXPIRED,
                    current.domain() + " was not verified within " + verificationWindow.toDays()
                            + " days; remove it and add it again to get a new token");
        }
        if (current.verificationStrategy() == VerificationStrategy.DNS
                && !txtResolver.txtRecords(current.verificationRecordName()).contains(current.verificationToken())) {
            throw new ScimgateException(ErrorCode.DNS_RECORD_NOT_FOUND,
                    "No TXT record " + current.verificationRecordName() + " holding " + current.verificationToken());
        }
        return markVerified(organizationId, domainId).orElseGet(() -> get(organizationId, domainId));
    }

    /**
     * Stores a pending domain as verified, emits {@code organization_domain.verified} and tells the
     * hooks (P24), in one transaction; empty when it was no longer pending.
     */
    Optional<OrganizationDomain> markVerified(String organizationId, String domainId) {
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            OrganizationDomainRecord row = dsl.selectFrom(ORGANIZATION_DOMAIN)
                    .where(ORGANIZATION_DOMAIN.ID.eq(domainId), ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId))
                    .forUpdate()
                    .fetchOptional()
                    .orElseThrow(() -> notFound(domainId));
            if (!DomainState.PENDING.slug().equals(row.getState())) {
                return Optional.empty();
            }
            OffsetDateTime now = Times.now(clock);
            row.setState(DomainState.VERIFIED.slug());
            row.setVerifiedAt(now);
            row.setNextCheckAt(null);
            row.store();
            OrganizationDomain verified = toDomain(row);
            tx.emit("organization_domain.verified", organizationId, null, eventData(verified));
            tx.tenantChanged(organizationId);
            onVerified.domainVerified(tx, organizationId, verified.domain());
            return Optional.of(verified);
        });
    }

    /**
     * P3: stores a domain still pending at the end of its verification window as failed and emits
     * {@code organization_domain.verification_failed}; empty when it was no longer pending.
     */
    Optional<OrganizationDomain> markFailed(String domainId) {
        return database.transaction(tx -> {
            OrganizationDomainRecord row = tx.dsl().selectFrom(ORGANIZATION_DOMAIN)
                    .where(ORGANIZATION_DOMAIN.ID.eq(domainId), ORGANIZATION_DOMAIN.STATE.eq(DomainState.PENDING.slug()))
                    .forUpdate()
                    .fetchOptional()
                    .orElse(null);
            if (row == null) {
                return Optional.empty();
            }
            row.setState(DomainState.FAILED.slug());
            row.setNextCheckAt(null);
            row.store();
            OrganizationDomain failed = toDomain(row);
            tx.emit("organization_domain.verification_failed", failed.organizationId(), null, eventData(failed)
                    .put("reason", "not verified within " + verificationWindow.toDays() + " days of being added"));
            return Optional.of(failed);
        });
    }

    /** When a pending domain created at {@code createdAt} stops waiting for verification. */
    Instant windowEnd(Instant createdAt) {
        return createdAt.plus(verificationWindow);
    }

    TxtResolver txtResolver() {
        return txtResolver;
    }

    RetrySchedule rechecks() {
        return rechecks;
    }

    public void delete(String organizationId, String domainId) {
        int deleted = database.transaction(tx -> {
            tx.tenantChanged(organizationId);
            return tx.dsl().deleteFrom(ORGANIZATION_DOMAIN)
                .where(ORGANIZATION_DOMAIN.ID.eq(domainId), ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId))
                .execute();
        });
        if (deleted == 0) {
            throw notFound(domainId);
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode eventData(OrganizationDomain domain) {
        return io.scimgate.core.events.Events.data()
                .put("id", domain.id())
                .put("organizationId", domain.organizationId())
                .put("domain", domain.domain())
                .put("state", domain.state().slug())
                .put("verification", domain.verificationStrategy().slug());
    }

    private Optional<OrganizationDomain> find(DSLContext dsl, String organizationId, String domainId) {
        return dsl.selectFrom(ORGANIZATION_DOMAIN)
                .where(ORGANIZATION_DOMAIN.ID.eq(domainId), ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(this::toDomain);
    }

    OrganizationDomain toDomain(OrganizationDomainRecord row) {
        Instant createdAt = Times.instant(row.getCreatedAt());
        DomainState state = DomainState.valueOf(row.getState().toUpperCase(java.util.Locale.ROOT));
        if (state == DomainState.PENDING && createdAt.plus(verificationWindow).isBefore(clock.instant())) {
            state = DomainState.FAILED;
        }
        return new OrganizationDomain(row.getId(), row.getOrganizationId(), row.getDomain(), state,
                VerificationStrategy.fromSlug(row.getVerificationStrategy()), row.getVerificationToken(),
                txtPrefix + "." + row.getDomain(), createdAt, Times.instant(row.getVerifiedAt()),
                Times.instant(row.getLastCheckedAt()), state == DomainState.PENDING ? Times.instant(row.getNextCheckAt()) : null);
    }

    private static ScimgateException notFound(String domainId) {
        return new ScimgateException(ErrorCode.DOMAIN_NOT_FOUND, "No domain with id " + domainId + " in this organization");
    }
}
