package io.scimgate.core.domain;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.domain.internal.DomainRows;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.TestCore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainsTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final Map<String, List<String>> dns = new ConcurrentHashMap<>();
    private TestCore test;
    private Domains domains;
    private Organization acme;

    @BeforeEach
    void start() {
        test = TestCore.start(builder -> builder.clock(clock)
                .txtResolver(name -> dns.getOrDefault(name, List.of())));
        domains = test.core().domains();
        acme = test.core().organizations().create("Acme");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void P1_addedDomainIsNormalisedAndPending() {
        OrganizationDomain domain = domains.add(acme.id(), "Acme.COM.", VerificationStrategy.MANUAL);
        assertEquals("acme.com", domain.domain());
        assertEquals(DomainState.PENDING, domain.state());
        assertEquals(domain, domains.get(acme.id(), domain.id()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "GMAIL.com.", "outlook.com", "proton.me", "yahoo.com", "icloud.com",
            "yahoo.co.uk", "outlook.fr", "mail.ru", "tutanota.com", "mailinator.com", "10minutemail.com"})
    void P2_consumerDomainsAreRefused(String consumer) {
        ScimgateException refused = assertThrows(ScimgateException.class,
                () -> domains.add(acme.id(), consumer, VerificationStrategy.MANUAL));
        assertEquals(ScimgateException.Kind.INVALID, refused.kind());
        assertEquals(ErrorCode.CONSUMER_DOMAIN, refused.code());
        assertTrue(domains.list(acme.id()).isEmpty());
    }

    @Test
    void P2_theConsumerListIsConfigurable() {
        try (TestCore custom = TestCore.start(builder -> builder.consumerDomains(List.of("mail.example")))) {
            Organization org = custom.core().organizations().create("Custom");
            assertThrows(ScimgateException.class,
                    () -> custom.core().domains().add(org.id(), "mail.example", VerificationStrategy.MANUAL));
            assertNotNull(custom.core().domains().add(org.id(), "gmail.com", VerificationStrategy.MANUAL));
        }
    }

    @Test
    void P2_theBundledListHoldsThousandsOfFreeAndDisposableProvidersButNoEmployers() {
        ConsumerDomains bundled = ConsumerDomains.bundled();
        assertTrue(bundled.size() > 10_000, "entries: " + bundled.size());
        assertTrue(ConsumerDomains.REQUIRED.stream().allMatch(bundled::contains));
        for (String employer : List.of("acme.com", "microsoft.com", "google.com", "contractor.example")) {
            assertFalse(bundled.contains(employer), employer);
        }
    }

    @Test
    void P2_aDeploymentAddsConsumerDomainsFromAFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("more-consumer-domains.txt");
        Files.writeString(file, "# our own additions\n\nMail.Example.\n  freemail.test  \n");
        assertEquals(List.of("mail.example", "freemail.test"), ConsumerDomains.readFile(file));
        try (TestCore custom = TestCore.start(builder -> builder.extraConsumerDomains(ConsumerDomains.readFile(file)))) {
            Organization org = custom.core().organizations().create("Custom");
            for (String consumer : List.of("mail.example", "freemail.test", "gmail.com")) {
                ScimgateException refused = assertThrows(ScimgateException.class,
                        () -> custom.core().domains().add(org.id(), consumer, VerificationStrategy.MANUAL));
                assertEquals(ErrorCode.CONSUMER_DOMAIN, refused.code());
            }
            assertNotNull(custom.core().domains().add(org.id(), "acme.com", VerificationStrategy.MANUAL));
        }
    }

    @Test
    void P2_aConsumerDomainFileWithAnInvalidEntryIsRefusedNamingTheLine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("bad.txt");
        Files.writeString(file, "good.example\nnot a domain\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ConsumerDomains.readFile(file));
        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
    }

    @Test
    void P2_addingADomainTwiceIsAConflict() {
        domains.add(acme.id(), "acme.com", VerificationStrategy.MANUAL);
        ScimgateException conflict = assertThrows(ScimgateException.class,
                () -> domains.add(acme.id(), "ACME.com", VerificationStrategy.DNS));
        assertEquals(ScimgateException.Kind.CONFLICT, conflict.kind());
        assertEquals(1, domains.list(acme.id()).size());
    }

    @Test
    void P3_manualDomainIsVerifiedByTheOperator() {
        OrganizationDomain domain = domains.add(acme.id(), "acme.com", VerificationStrategy.MANUAL);
        OrganizationDomain verified = domains.verify(acme.id(), domain.id());
        assertEquals(DomainState.VERIFIED, verified.state());
        assertNotNull(verified.verifiedAt());
        boolean verifiedInStore = CoreInternals.database(test.core()).transaction(tx -> DomainRows.isVerified(tx.dsl(), acme.id(), "acme.com"));
        assertTrue(verifiedInStore);
    }

    @Test
    void P3_dnsDomainIsVerifiedOnlyByItsTxtRecord() {
        OrganizationDomain domain = domains.add(acme.id(), "acme.com", VerificationStrategy.DNS);
        assertEquals("_scimgate-verification.acme.com", domain.verificationRecordName());

        ScimgateException missing = assertThrows(ScimgateException.class, () -> domains.verify(acme.id(), domain.id()));
        assertEquals(ErrorCode.DNS_RECORD_NOT_FOUND, missing.code());

        dns.put(domain.verificationRecordName(), List.of("something else"));
        assertThrows(ScimgateException.class, () -> domains.verify(acme.id(), domain.id()));

        dns.put(domain.verificationRecordName(), List.of("v=spf1", domain.verificationToken()));
        assertEquals(DomainState.VERIFIED, domains.verify(acme.id(), domain.id()).state());
    }

    @Test
    void P3_aDomainPendingForThirtyDaysReadsAsFailed() {
        OrganizationDomain domain = domains.add(acme.id(), "acme.com", VerificationStrategy.DNS);
        clock.advance(Duration.ofDays(29));
        assertEquals(DomainState.PENDING, domains.get(acme.id(), domain.id()).state());
        clock.advance(Duration.ofDays(2));
        assertEquals(DomainState.FAILED, domains.get(acme.id(), domain.id()).state());
        dns.put(domain.verificationRecordName(), List.of(domain.verificationToken()));
        ScimgateException expired = assertThrows(ScimgateException.class, () -> domains.verify(acme.id(), domain.id()));
        assertEquals(ErrorCode.DOMAIN_VERIFICATION_EXPIRED, expired.code());
    }

    @Test
    void P3_severalOrganizationsMayVerifyTheSameDomain() {
        Organization other = test.core().organizations().create("Other");
        OrganizationDomain first = domains.add(acme.id(), "shared.example", VerificationStrategy.MANUAL);
        OrganizationDomain second = domains.add(other.id(), "shared.example", VerificationStrategy.MANUAL);
        assertEquals(DomainState.VERIFIED, domains.verify(acme.id(), first.id()).state());
        assertEquals(DomainState.VERIFIED, domains.verify(other.id(), second.id()).state());
    }

    @Test
    void aDomainOfAnotherOrganizationIsNotFound() {
        Organization other = test.core().organizations().create("Other");
        OrganizationDomain domain = domains.add(acme.id(), "acme.com", VerificationStrategy.MANUAL);
        ScimgateException notFound = assertThrows(ScimgateException.class, () -> domains.verify(other.id(), domain.id()));
        assertEquals(ScimgateException.Kind.NOT_FOUND, notFound.kind());
    }

    @Test
    void addingToAnUnknownOrganizationIsNotFound() {
        ScimgateException notFound = assertThrows(ScimgateException.class,
                () -> domains.add("no-such-org", "acme.com", VerificationStrategy.MANUAL));
        assertEquals(ErrorCode.ORGANIZATION_NOT_FOUND, notFound.code());
    }
}
