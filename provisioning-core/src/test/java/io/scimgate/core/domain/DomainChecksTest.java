package io.scimgate.core.domain;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.events.Event;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.dns.LoopbackDnsServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pending domains are re-checked in the background (P3; README: Domain verification and consumer domains), against a real DNS server on
 * loopback reached through the configurable resolver.
 */
class DomainChecksTest {

    private final MutableClock clock = MutableClock.startingNow();
    private LoopbackDnsServer dns;
    private TestCore test;
    private ProvisioningCore core;
    private String acme;

    @BeforeEach
    void start() {
        dns = LoopbackDnsServer.start();
        test = TestCore.start(builder -> builder.clock(clock).txtResolver(new JndiTxtResolver(List.of(dns.address()))));
        core = test.core();
        acme = core.organizations().create("Acme").id();
    }

    @AfterEach
    void stop() {
        test.close();
        dns.close();
    }

    private List<Event> events(String type) {
        return core.events().list(0, 100, Set.of(type), null);
    }

    private void checkAfter(Duration wait) {
        clock.advance(wait);
        core.domainChecks().checkDue();
    }

    @Test
    void P3_aPendingDnsDomainIsVerifiedInTheBackgroundOnceItsTxtRecordAppearsAndPromotesItsPendingMembers() {
        OrganizationDomain domain = core.domains().add(acme, "newco.example", VerificationStrategy.DNS);
        String directory = core.directories().create(acme, "Okta", DirectoryProvider.OKTA).directory().id();
        core.directoryUsers().create(directory, person("bo@newco.example"));
        assertEquals(domain.createdAt().plus(Duration.ofMinutes(1)), core.domains().get(acme, domain.id()).nextCheckAt());

        core.domainChecks().checkDue();
        assertEquals(0, dns.queries(domain.verificationRecordName()), "not due before a minute");
        checkAfter(Duration.ofMinutes(1));
        assertEquals(1, dns.queries(domain.verificationRecordName()));
        OrganizationDomain looked = core.domains().get(acme, domain.id());
        assertEquals(DomainState.PENDING, looked.state());
        assertNotNull(looked.lastCheckedAt());

        dns.publishTxt(domain.verificationRecordName(), "v=spf1 -all", domain.verificationToken());
        checkAfter(Duration.ofMinutes(1));

        OrganizationDomain verified = core.domains().get(acme, domain.id());
        assertEquals(DomainState.VERIFIED, verified.state());
        assertNull(verified.nextCheckAt());
        assertEquals(1, events("organization_domain.verified").size());
        String userId = core.users().findByEmail("bo@newco.example").orElseThrow().id();
        assertEquals(MembershipStatus.ACTIVE, core.memberships().find(acme, userId).orElseThrow().status(), "P24");
        checkAfter(Duration.ofHours(2));
        assertEquals(2, dns.queries(domain.verificationRecordName()), "a verified domain is not looked up again");
    }

    @Test
    void P3_lookupsBackOffFromAMinuteDoublingToAnHour() {
        OrganizationDomain domain = core.domains().add(acme, "slow.example", VerificationStrategy.DNS);
        for (int minute = 1; minute <= 16; minute++) {
            checkAfter(Duration.ofMinutes(1));
        }
        assertEquals(5, dns.queries(domain.verificationRecordName()), "at minutes 1, 2, 4, 8 and 16");
        for (int minute = 0; minute < 6 * 60; minute++) {
            checkAfter(Duration.ofMinutes(1));
        }
        int queries = dns.queries(domain.verificationRecordName());
        assertTrue(queries >= 5 + 5 && queries <= 5 + 7, "hourly once the wait reached an hour: " + queries);
    }

    @Test
    void P3_aDomainStillPendingAfterThirtyDaysIsStoredAsFailedOnce() {
        OrganizationDomain dnsDomain = core.domains().add(acme, "never.example", VerificationStrategy.DNS);
        OrganizationDomain manual = core.domains().add(acme, "forgotten.example", VerificationStrategy.MANUAL);
        checkAfter(Duration.ofDays(29));
        assertEquals(DomainState.PENDING, core.domains().get(acme, dnsDomain.id()).state());
        assertTrue(events("organization_domain.verification_failed").isEmpty());

        checkAfter(Duration.ofDays(1));
        checkAfter(Duration.ofHours(1));
        List<Event> failed = events("organization_domain.verification_failed");
        assertEquals(2, failed.size(), failed::toString);
        assertEquals(Set.of("never.example", "forgotten.example"),
                Set.of(failed.get(0).data().get("domain").asText(), failed.get(1).data().get("domain").asText()));
        assertEquals("failed", failed.get(0).data().get("state").asText());
        assertEquals(acme, failed.get(0).organizationId());
        assertEquals(0, dns.queries(manual.verificationRecordName()), "a manual domain is never looked up");

        dns.publishTxt(dnsDomain.verificationRecordName(), dnsDomain.verificationToken());
        checkAfter(Duration.ofDays(1));
        assertEquals(DomainState.FAILED, core.domains().get(acme, dnsDomain.id()).state(), "failed stays failed");
        assertEquals(ErrorCode.DOMAIN_VERIFICATION_EXPIRED, assertThrows(io.scimgate.core.ScimgateException.class,
                () -> core.domains().verify(acme, dnsDomain.id())).code());
    }

    @Test
    void P3_twoInstancesOnOneStoreLookEachDomainUpOnceAndAnnounceItOnce() throws Exception {
        OrganizationDomain domain = core.domains().add(acme, "shared.example", VerificationStrategy.DNS);
        dns.publishTxt(domain.verificationRecordName(), domain.verificationToken());
        ProvisioningCore other = ProvisioningCore.builder().dataSource(CoreInternals.database(core).dataSource()).clock(clock)
                .txtResolver(new JndiTxtResolver(List.of(dns.address()))).build();
        clock.advance(Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> rounds = List.of(
                    () -> { core.domainChecks().checkDue(); return null; },
                    () -> { other.domainChecks().checkDue(); return null; });
            for (Future<Void> round : pool.invokeAll(rounds)) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
            // Either instance may have announced it: the other publishes what it committed as it closes.
            other.close();
        }
        assertEquals(DomainState.VERIFIED, core.domains().get(acme, domain.id()).state());
        assertEquals(1, dns.queries(domain.verificationRecordName()));
        assertEquals(1, events("organization_domain.verified").size());
    }

    @Test
    void theResolverReachesTheConfiguredNameServerAndJoinsItsStrings() {
        dns.publishTxt("_scimgate-verification.acme.example", "first", "second");
        JndiTxtResolver resolver = new JndiTxtResolver(JndiTxtResolver.nameServers(" " + dns.address() + " "));
        assertEquals(List.of("first", "second"), resolver.txtRecords("_scimgate-verification.acme.example").stream().sorted().toList());
        assertEquals(List.of(), resolver.txtRecords("nothing.acme.example"));
        assertEquals(1, dns.queries("nothing.acme.example"));
    }

    @Test
    void aNameServerListThatNamesNoServerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JndiTxtResolver.nameServers(" , "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> JndiTxtResolver.nameServers("127.0.0.1:53, dns://x"));
        assertTrue(bad.getMessage().contains("dns://x"), bad.getMessage());
    }
}
