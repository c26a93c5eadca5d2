package io.scimgate.core.invitation;

import static io.scimgate.core.store.schema.Tables.INVITATION_DELIVERY;
import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.testing.OneDirectoryTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The invitation outbox (README: Invitations reach people): delivered after commit, retried with backoff, outcome on the invitation. */
class InvitationDeliveryTest extends OneDirectoryTest {


    private Invitation onlyInvitation() {
        List<Invitation> all = f.core().invitations().list(acme, null);
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    private int queued() {
        return CoreInternals.database(f.core()).dsl().fetchCount(INVITATION_DELIVERY);
    }

    @Test
    void P29_aDeliveredInvitationShowsWhenAndTheSenderGetsOrganizationInviterAndAcceptUrl() {
        f.push(directory, person("gus@contractor.example"));
        Invitation invitation = onlyInvitation();
        assertNotNull(invitation.deliveredAt());
        assertNull(invitation.lastDeliveryError());
        InvitationDelivery delivery = f.invitationsSent.get(0);
        assertEquals("Acme", delivery.organizationName());
        assertEquals("Directory", delivery.inviter(), "the directory that pushed the person invites");
        assertEquals(directory, invitation.directoryId());
        assertEquals("https://app.example/join?token=" + delivery.token(), delivery.acceptUrl());
        assertEquals(0, queued(), "nothing stays queued, the token with it");
    }

    @Test
    void P29_aFailedDeliveryIsRetriedWithBackoffAndItsErrorShownUntilItSucceeds() {
        f.invitationSenderFailure = new IllegalStateException("421 mail server busy");
        f.push(directory, person("gus@contractor.example"));
        Invitation failed = onlyInvitation();
        assertNull(failed.deliveredAt());
        assertEquals("IllegalStateException: 421 mail server busy", failed.lastDeliveryError());
        assertEquals(1, queued());

        f.core().invitationOutbox().deliverDue();
        f.clock.advance(Duration.ofSeconds(59));
        f.core().invitationOutbox().deliverDue();
        assertTrue(f.invitationsSent.isEmpty(), "not before the first retry is due");

        f.clock.advance(Duration.ofSeconds(1));
        f.core().invitationOutbox().deliverDue();
        f.clock.advance(Duration.ofMinutes(1));
        f.core().invitationOutbox().deliverDue();
        assertTrue(f.invitationsSent.isEmpty(), "the second retry waits two minutes");

        f.invitationSenderFailure = null;
        f.clock.advance(Duration.ofMinutes(1));
        f.core().invitationOutbox().deliverDue();
        assertEquals(1, f.invitationsSent.size());
        Invitation delivered = onlyInvitation();
        assertNotNull(delivered.deliveredAt());
        assertNull(delivered.lastDeliveryError());
        assertEquals(0, queued());
    }

    @Test
    void P29_deliveryIsGivenUpWhenTheInvitationWouldExpireBeforeTheNextTry() {
        f.invitationSenderFailure = new IllegalStateException("550 no such mailbox");
        f.push(directory, person("gus@contractor.example"));
        for (int round = 0; round < 7 * 24 * 8 && queued() > 0; round++) {
            f.clock.advance(Duration.ofMinutes(8));
            f.core().invitationOutbox().deliverDue();
        }
        assertEquals(0, queued());
        Invitation given = onlyInvitation();
        assertNull(given.deliveredAt());
        assertTrue(given.lastDeliveryError().startsWith("Gave up after "), given.lastDeliveryError());
        assertTrue(given.lastDeliveryError().endsWith("550 no such mailbox"), given.lastDeliveryError());
    }

    @Test
    void P29_aRenewedOrRevokedInvitationsOldTokenIsNeverDelivered() {
        f.invitationSenderFailure = new IllegalStateException("down");
        f.push(directory, person("gus@contractor.example"));
        Invitation invitation = onlyInvitation();
        IssuedInvitation renewed = f.core().invitations().resend(invitation.id());
        f.invitationSenderFailure = null;
        f.clock.advance(Duration.ofMinutes(10));
        f.core().invitationOutbox().deliverDue();
        assertEquals(1, f.invitationsSent.size());
        assertEquals(renewed.token(), f.invitationsSent.get(0).token());
        assertTrue(f.invitationsSent.get(0).resent());

        f.push(directory, person("ivy@contractor.example"));
        f.invitationSenderFailure = new IllegalStateException("down");
        Invitation ivy = f.core().invitations().list(acme, InvitationState.PENDING).stream()
                .filter(found -> found.email().startsWith("ivy")).findFirst().orElseThrow();
        f.core().invitations().resend(ivy.id());
        f.core().invitations().revoke(ivy.id());
        f.invitationSenderFailure = null;
        f.clock.advance(Duration.ofMinutes(10));
        f.core().invitationOutbox().deliverDue();
        assertEquals(2, f.invitationsSent.size(), "ivy's first delivery only; the revoked token stays home");
        assertEquals(0, queued());
    }

    @Test
    void P29_queuedDeliveriesSurviveARestartAndAreMadeByTheNextInstance() {
        f.invitationSenderFailure = new IllegalStateException("down");
        f.push(directory, person("gus@contractor.example"));
        List<InvitationDelivery> sentAfterRestart = Collections.synchronizedList(new ArrayList<>());
        ProvisioningCore restarted = ProvisioningCore.builder().dataSource(CoreInternals.database(f.core()).dataSource())
                .clock(f.clock).invitationSender(sentAfterRestart::add).build();
        f.clock.advance(Duration.ofMinutes(1));
        restarted.invitationOutbox().deliverDue();
        assertEquals(1, sentAfterRestart.size());
        assertNotNull(restarted.invitations().list(acme, null).get(0).deliveredAt());
    }

    @Test
    void P29_twoInstancesOnOneStoreDeliverEachInvitationOnce() throws Exception {
        f.invitationSenderFailure = new IllegalStateException("down");
        for (int i = 0; i < 12; i++) {
            f.push(directory, person("guest" + i + "@contractor.example"));
        }
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        InvitationSender slow = delivery -> {
            delivered.add(delivery.invitation().id());
            pause();
        };
        ProvisioningCore first = ProvisioningCore.builder().dataSource(CoreInternals.database(f.core()).dataSource())
                .clock(f.clock).invitationSender(slow).build();
        ProvisioningCore second = ProvisioningCore.builder().dataSource(CoreInternals.database(f.core()).dataSource())
                .clock(f.clock).invitationSender(slow).build();
        f.clock.advance(Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> rounds = List.of(
                    () -> { first.invitationOutbox().deliverDue(); return null; },
                    () -> { second.invitationOutbox().deliverDue(); return null; });
            for (Future<Void> round : pool.invokeAll(rounds)) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(12, delivered.size(), delivered::toString);
        assertEquals(12, delivered.stream().distinct().count());
        assertEquals(0, queued());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
