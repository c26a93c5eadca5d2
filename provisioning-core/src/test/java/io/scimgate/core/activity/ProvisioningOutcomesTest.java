package io.scimgate.core.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.monitoring.CoreMonitor;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.TestCore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outcome of each SCIM write as the provisioning log derives it from what the write committed. */
class ProvisioningOutcomesTest {

    private final List<ExplainedRequest> told = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, String> ids = new java.util.HashMap<>();
    private TestCore test;
    private ProvisioningCore core;
    private String acmeDirectory;
    private String globexDirectory;

    @BeforeEach
    void start() {
        CoreMonitor failing = new CoreMonitor() {
            @Override
            public void requestExplained(ExplainedRequest request) {
                throw new IllegalStateException("a monitor that fails");
            }
        };
        test = TestCore.start(builder -> builder.monitor(failing).monitor(new CoreMonitor() {
            @Override
            public void requestExplained(ExplainedRequest request) {
                told.add(request);
            }
        }));
        core = test.core();
        acmeDirectory = directoryOfOrganizationVerifying("Acme", "acme.com");
        globexDirectory = directoryOfOrganizationVerifying("Globex", "acme.com");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private String directoryOfOrganizationVerifying(String name, String domain) {
        Organization organization = core.organizations().create(name);
        String domainId = core.domains().add(organization.id(), domain, VerificationStrategy.MANUAL).id();
        core.domains().verify(organization.id(), domainId);
        return core.directories().create(organization.id(), name + " Okta", DirectoryProvider.OKTA).directory().id();
    }

    private static DirectoryUserData user(String userName, String email, boolean active) {
        return new DirectoryUserData(userName, null, active, null, "Ana", "Lee", List.of(new EmailAddress(email, "work", true)),
                null, null, null, "{\"userName\":\"" + userName + "\"}");
    }

    /** Runs {@code write} as a SCIM request of {@code directoryId} would, and returns what the log made of it. */
    private <T> ExplainedRequest request(String directoryId, String method, Supplier<T> write) {
        RequestJournal journal = RequestJournal.open();
        try {
            write.get();
        } finally {
            RequestJournal.close();
        }
        told.clear();
        core.provisioningLog().record(new LoggedRequest(directoryId, Instant.now(), method, "Users", 200, 3, null,
                journal.changes(), "request-1"));
        core.provisioningLog().flush();
        assertEquals(1, told.size(), "one request explained");
        return told.get(0);
    }

    private ExplainedRequest create(String directoryId, String email) {
        return request(directoryId, "POST", () -> ids.put(email, core.directoryUsers().create(directoryId, user(email, email, true)).id()));
    }

    private String idOf(String directoryId, String userName) {
        return ids.get(userName);
    }

    private ExplainedRequest setActive(String directoryId, String email, boolean active) {
        String id = idOf(directoryId, email);
        return request(directoryId, "PATCH", () -> core.directoryUsers().update(directoryId, id, null,
                previous -> user(email, email, active)));
    }

    @Test
    void aMonitorThatFailsKeepsNeitherTheLogNorTheOtherMonitorsFromTheirWork() {
        create(acmeDirectory, "ana@acme.com");
        assertEquals(1, core.provisioningLog().list(acmeDirectory, null, 10).size(), "the log line is written");
    }

    @Test
    void aNewPersonOnAVerifiedDomainIsCreated() {
        ExplainedRequest explained = create(acmeDirectory, "ana@acme.com");
        assertEquals(List.of(ProvisioningOutcome.CREATED), explained.outcomes());
        assertEquals("request-1", explained.request().requestId());
        assertTrue(explained.reason().contains("active member of Acme"), explained.reason());
    }

    @Test
    void aPersonAnotherDirectoryAlreadyCreatedIsLinked() {
        create(acmeDirectory, "ana@acme.com");
        assertEquals(List.of(ProvisioningOutcome.LINKED), create(globexDirectory, "ana@acme.com").outcomes());
    }

    @Test
    void aGuestIsPending() {
        ExplainedRequest explained = create(acmeDirectory, "gus@contractor.io");
        assertEquals(List.of(ProvisioningOutcome.PENDING), explained.outcomes());
        assertTrue(explained.reason().startsWith("pending: domain contractor.io not verified for Acme"), explained.reason());
    }

    @Test
    void aSecondDirectoryUserWithTheSameEmailIsADuplicate() {
        create(acmeDirectory, "ana@acme.com");
        ExplainedRequest explained = request(acmeDirectory, "POST",
                () -> core.directoryUsers().create(acmeDirectory, user("ana.lee", "ana@acme.com", true)));
        assertEquals(List.of(ProvisioningOutcome.DUPLICATE), explained.outcomes());
    }

    @Test
    void deactivatingDeprovisionsAndReactivatingReprovisions() {
        create(acmeDirectory, "ana@acme.com");
        assertEquals(List.of(ProvisioningOutcome.DEPROVISIONED), setActive(acmeDirectory, "ana@acme.com", false).outcomes());
        assertEquals(List.of(ProvisioningOutcome.REPROVISIONED), setActive(acmeDirectory, "ana@acme.com", true).outcomes());
    }

    @Test
    void deactivatingAGuestRemovesThePendingMembershipAndCountsAsDeprovisioned() {
        create(acmeDirectory, "gus@contractor.io");
        assertEquals(List.of(ProvisioningOutcome.DEPROVISIONED), setActive(acmeDirectory, "gus@contractor.io", false).outcomes());
    }

    @Test
    void anUpdateThatTouchesNoMembershipHasNoOutcome() {
        create(acmeDirectory, "ana@acme.com");
        String id = idOf(acmeDirectory, "ana@acme.com");
        ExplainedRequest explained = request(acmeDirectory, "PUT", () -> core.directoryUsers().update(acmeDirectory, id, null,
                previous -> new DirectoryUserData("ana@acme.com", null, true, null, "Anna", "Lee",
                        List.of(new EmailAddress("ana@acme.com", "work", true)), null, null, null, "{\"userName\":\"x\"}")));
        assertEquals(List.of(), explained.outcomes());
    }
}
