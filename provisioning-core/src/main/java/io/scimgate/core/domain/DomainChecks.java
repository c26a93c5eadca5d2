package io.scimgate.core.domain;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION_DOMAIN;

import io.scimgate.core.store.internal.BackgroundLoop;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.RetrySchedule;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.OrganizationDomainRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background check of pending domains (P3; README: Domain verification and consumer domains). A DNS domain's TXT record is looked
 * up again on a schedule (by default one minute after it was added, doubling up to an hour): when
 * it holds the issued value the domain is verified ({@code organization_domain.verified}, with
 * P24's promotions). A domain still pending when its verification window ends (30 days by default,
 * any strategy) is stored as failed ({@code organization_domain.verification_failed}).
 *
 * <p>Instances sharing a store claim each due domain with a conditional update, so a domain is
 * looked up and announced by one of them; a claim of an instance that died runs out after
 * {@link #CLAIM}. The bundled server starts the schedule; a host app may call {@link #checkDue()}.
 */
public final class DomainChecks implements AutoCloseable {

    public static final RetrySchedule DEFAULT_RECHECKS = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), false);
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(30);
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DomainChecks.class);

    private final Database database;
    private final Clock clock;
    private final Domains domains;
    private final BackgroundLoop loop;

    public DomainChecks(Database database, Clock clock, Domains domains) {
        this.database = database;
        this.clock = clock;
        this.domains = domains;
        Duration first = domains.rechecks().first();
        this.loop = new BackgroundLoop("scimgate-domain-checks", first.compareTo(LONGEST_POLL) < 0 ? first : LONGEST_POLL,
                this::checkDue);
    }

    /** One round: every pending domain whose check is due is claimed and checked. */
    public void checkDue() {
        OffsetDateTime now = Times.now(clock);
        var due = database.dsl().select(ORGANIZATION_DOMAIN.ID, ORGANIZATION_DOMAIN.CHECK_ATTEMPTS).from(ORGANIZATION_DOMAIN)
                .where(ORGANIZATION_DOMAIN.STATE.eq(DomainState.PENDING.slug()), ORGANIZATION_DOMAIN.NEXT_CHECK_AT.le(now))
                .orderBy(ORGANIZATION_DOMAIN.NEXT_CHECK_AT)
                .limit(BATCH)
                .fetch();
        for (var row : due) {
            if (claim(row.value1(), row.value2(), now)) {
                check(row.value1(), row.value2() + 1);
            }
        }
    }

    private boolean claim(String domainId, int attempts, OffsetDateTime now) {
        return database.transaction(tx -> tx.dsl().update(ORGANIZATION_DOMAIN)
                .set(ORGANIZATION_DOMAIN.CHECK_ATTEMPTS, attempts + 1)
                .set(ORGANIZATION_DOMAIN.NEXT_CHECK_AT, now.plus(CLAIM))
                .where(ORGANIZATION_DOMAIN.ID.eq(domainId), ORGANIZATION_DOMAIN.CHECK_ATTEMPTS.eq(attempts),
                        ORGANIZATION_DOMAIN.STATE.eq(DomainState.PENDING.slug()),
                        ORGANIZATION_DOMAIN.NEXT_CHECK_AT.le(now))
                .execute()) == 1;
    }

    private void check(String domainId, int attempt) {
        OrganizationDomainRecord row = database.dsl().fetchOne(ORGANIZATION_DOMAIN, ORGANIZATION_DOMAIN.ID.eq(domainId));
        if (row == null) {
            return;
        }
        OrganizationDomain domain = domains.toDomain(row);
        Instant now = Times.now(clock).toInstant();
        Instant windowEnd = domains.windowEnd(domain.createdAt());
        if (!now.isBefore(windowEnd)) {
            domains.markFailed(domainId).ifPresent(failed ->
                    LOG.info("Domain {} of organization {} was not verified in time and failed", failed.domain(),
                            failed.organizationId()));
            return;
        }
        if (domain.verificationStrategy() != VerificationStrategy.DNS) {
            reschedule(domainId, windowEnd, false);
            return;
        }
        List<String> published = domains.txtResolver().txtRecords(domain.verificationRecordName());
        if (published.contains(domain.verificationToken())) {
            domains.markVerified(domain.organizationId(), domainId).ifPresent(verified ->
                    LOG.info("Domain {} of organization {} verified by its TXT record", verified.domain(),
                            verified.organizationId()));
            return;
        }
        Instant next = now.plus(domains.rechecks().after(attempt));
        reschedule(domainId, next.isBefore(windowEnd) ? next : windowEnd, true);
    }

    private void reschedule(String domainId, Instant next, boolean looked) {
        OffsetDateTime now = Times.now(clock);
        database.transaction(tx -> {
            var update = tx.dsl().update(ORGANIZATION_DOMAIN)
                    .set(ORGANIZATION_DOMAIN.NEXT_CHECK_AT, OffsetDateTime.ofInstant(next, ZoneOffset.UTC));
            if (looked) {
                update = update.set(ORGANIZATION_DOMAIN.LAST_CHECKED_AT, now);
            }
            return update.where(ORGANIZATION_DOMAIN.ID.eq(domainId), ORGANIZATION_DOMAIN.STATE.eq(DomainState.PENDING.slug()))
                    .execute();
        });
    }

    /** Checks in the background, as often as the shortest re-check wait asks, at least every 30 s. */
    public void start() {
        loop.start();
    }

    /** Whether the background checks run (started and not closed). */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Stops the schedule after the check under way. */
    @Override
    public void close() {
        loop.close();
    }
}
