package io.scimgate.core.domain;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION_DOMAIN;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.store.Constraints;
import io.scimgate.core.store.Database;
import io.scimgate.core.store.Ids;
import io.scimgate.core.store.Times;
import io.scimgate.core.store.schema.tables.records.OrganizationDomainRecord;
import io.scimgate.core.token.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Domains of organizations and their verification (P1–P3). */
public final class Domains {

    public static final Duration DEFAULT_VERIFICATION_WINDOW = Duration.ofDays(30);
    public static final String DEFAULT_TXT_PREFIX = "_scimgate-verification";

    private final Database database;
    private final Clock clock;
    private final ConsumerDomains consumerDomains;
    private final TxtResolver txtResolver;
    private final String txtPrefix;
    private final Duration verificationWindow;
    private final List<DomainVerifiedHook> verifiedHooks = new CopyOnWriteArrayList<>();

    public Domains(Database database, Clock clock, ConsumerDomains consumerDomains, TxtResolver txtResolver,
            String txtPrefix, Duration verificationWindow) {
        this.database = database;
        this.clock = clock;
        this.consumerDomains = consumerDomains;
        this.txtResolver = txtResolver;
        this.txtPrefix = txtPrefix;
        this.verificationWindow = verificationWindow;
    }

    /** Hooks told inside the verifying transaction that a domain became verified (P24). */
    public void addVerifiedHook(DomainVerifiedHook hook) {
        verifiedHooks.add(hook);
    }

    public OrganizationDomain add(String organizationId, String domain, VerificationStrategy strategy) {
        String normalized = DomainName.normalize(domain);
        if (consumerDomains.contains(normalized)) {
            throw ScimgateException.invalid("consumer_domain",
                    normalized + " is a public e-mail provider's domain and cannot belong to an organization");
        }
        OrganizationDomainRecord row = new OrganizationDomainRecord()
                .setId(Ids.newId())
                .setOrganizationId(organizationId)
                .setDomain(normalized)
                .setState(DomainState.PENDING.slug())
                .setVerificationStrategy(strategy.slug())
                .setVerificationToken("scimgate-domain-verification=" + SecretTokens.generate(""))
                .setCreatedAt(Times.now(clock));
        try {
            database.transaction(tx -> {
                DSLContext dsl = tx.dsl();
                Organizations.requireExists(dsl, organizationId);
                return dsl.executeInsert(row);
            });
        } catch (DataAccessException e) {
            if (Constraints.isUniqueViolation(e, "organization_domain_uk")) {
                throw ScimgateException.conflict("domain_already_added",
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
            throw ScimgateException.invalid("domain_verification_expired",
                    current.domain() + " was not verified within " + verificationWindow.toDays()
                            + " days; remove it and add it again to get a new token");
        }
        if (current.verificationStrategy() == VerificationStrategy.DNS
                && !txtResolver.txtRecords(current.verificationRecordName()).contains(current.verificationToken())) {
            throw ScimgateException.invalid("dns_record_not_found",
                    "No TXT record " + current.verificationRecordName() + " holding " + current.verificationToken());
        }
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            OrganizationDomainRecord row = dsl.selectFrom(ORGANIZATION_DOMAIN)
                    .where(ORGANIZATION_DOMAIN.ID.eq(domainId), ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId))
                    .forUpdate()
                    .fetchOptional()
                    .orElseThrow(() -> notFound(domainId));
            if (!DomainState.VERIFIED.slug().equals(row.getState())) {
                row.setState(DomainState.VERIFIED.slug());
                row.setVerifiedAt(Times.now(clock));
                row.store();
                OrganizationDomain verified = toDomain(row);
                tx.emit("organization_domain.verified", organizationId, null, eventData(verified));
                tx.tenantChanged(organizationId);
                for (DomainVerifiedHook hook : verifiedHooks) {
                    hook.domainVerified(tx, organizationId, verified.domain());
                }
            }
            return toDomain(row);
        });
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

    /** Whether {@code domain} (normalised) is verified in the organization, as read inside a transaction. */
    public boolean isVerified(DSLContext dsl, String organizationId, String domain) {
        if (domain == null) {
            return false;
        }
        return dsl.fetchExists(ORGANIZATION_DOMAIN,
                ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId),
                ORGANIZATION_DOMAIN.DOMAIN.eq(domain),
                ORGANIZATION_DOMAIN.STATE.eq(DomainState.VERIFIED.slug()));
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

    private OrganizationDomain toDomain(OrganizationDomainRecord row) {
        Instant createdAt = Times.instant(row.getCreatedAt());
        DomainState state = DomainState.valueOf(row.getState().toUpperCase(java.util.Locale.ROOT));
        if (state == DomainState.PENDING && createdAt.plus(verificationWindow).isBefore(clock.instant())) {
            state = DomainState.FAILED;
        }
        return new OrganizationDomain(row.getId(), row.getOrganizationId(), row.getDomain(), state,
                VerificationStrategy.fromSlug(row.getVerificationStrategy()), row.getVerificationToken(),
                txtPrefix + "." + row.getDomain(), createdAt, Times.instant(row.getVerifiedAt()));
    }

    private static ScimgateException notFound(String domainId) {
        return ScimgateException.notFound("domain_not_found", "No domain with id " + domainId + " in this organization");
    }
}
