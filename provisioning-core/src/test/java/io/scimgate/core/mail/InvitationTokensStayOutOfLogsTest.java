package io.scimgate.core.mail;

import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.core.invitation.IssuedInvitation;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.ProvisioningFixture;
import io.scimgate.core.testing.TestCore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 9 §3: the invitation token reaches the invitee and the events' accept URL, and never a log
 * line, whatever happens to the delivery on the way.
 */
class InvitationTokensStayOutOfLogsTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Set<String> tokens = new HashSet<>();
    private final AtomicReference<String> failWith = new AtomicReference<>();
    private GreenMail smtp;
    private TestCore test;

    @BeforeEach
    void start() {
        logs.start();
        root.addAppender(logs);
        smtp = SmtpInvitationSenderTest.startSmtp(0);
        SmtpInvitationSender mailer = new SmtpInvitationSender(
                SmtpServer.parse("smtp://scimgate:s3cret%3A%2F%40@127.0.0.1:" + smtp.getSmtp().getPort()),
                SmtpInvitationSenderTest.FROM, InvitationTemplates.defaults());
        test = TestCore.start(builder -> builder.clock(clock)
                .invitationAcceptUrl("https://app.example/join?token={token}")
                .invitationDeliveryRetries(ProvisioningFixture.DELIVERY_RETRIES)
                .invitationSender(delivery -> {
                    tokens.add(delivery.token());
                    String failure = failWith.get();
                    if (failure != null) {
                        // A careless sender that puts what it was given into its error.
                        throw new IllegalStateException(failure + " for " + delivery.acceptUrl() + " " + delivery);
                    }
                    mailer.send(delivery);
                }));
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        test.close();
        smtp.stop();
    }

    @Test
    void noLogLineCarriesAnInvitationTokenThroughFailuresRetriesResendsAndAcceptance() {
        ProvisioningCore core = test.core();
        String org = core.organizations().create("Acme").id();
        String directory = core.directories().create(org, "Okta", DirectoryProvider.OKTA).directory().id();

        failWith.set("421 try later");
        core.directoryUsers().create(directory, person("gus@contractor.example"));
        Invitation gus = core.invitations().list(org, null).get(0);
        assertTrue(gus.lastDeliveryError().contains("421 try later"));
        assertTrue(gus.lastDeliveryError().contains("token=***"), gus.lastDeliveryError());

        failWith.set(null);
        clock.advance(Duration.ofMinutes(1));
        core.invitationOutbox().deliverDue();
        IssuedInvitation resent = core.invitations().resend(gus.id());
        tokens.add(resent.token());
        core.invitations().accept(resent.token());
        core.directoryUsers().create(directory, person("ivy@contractor.example"));
        assertEquals(3, smtp.getReceivedMessages().length);

        List<String> acceptUrls = new ArrayList<>();
        for (Event event : core.events().list(0, 100, Set.of("invitation.created", "invitation.resent"), null)) {
            acceptUrls.add(event.data().get("acceptUrl").asText());
            assertFalse(event.data().has("token"));
        }
        assertEquals(3, acceptUrls.size());
        assertEquals(3, tokens.size(), tokens::toString);
        for (String token : tokens) {
            assertTrue(acceptUrls.stream().anyMatch(url -> url.contains(token)), "host apps get the accept URL");
        }

        assertFalse(logs.list.isEmpty(), "the flow logs what happened");
        for (ILoggingEvent line : logs.list) {
            String text = line.getFormattedMessage()
                    + (line.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(line.getThrowableProxy()));
            for (String token : tokens) {
                assertFalse(text.contains(token), () -> "a log line carries a token: " + text);
            }
        }
    }

    @Test
    void aDeliveryNeverShowsItsTokenWhenPrinted() {
        ProvisioningCore core = test.core();
        String org = core.organizations().create("Acme").id();
        String directory = core.directories().create(org, "Okta", DirectoryProvider.OKTA).directory().id();
        List<InvitationDelivery> seen = new ArrayList<>();
        failWith.set(null);
        core.directoryUsers().create(directory, person("gus@contractor.example"));
        assertEquals(1, tokens.size());
        String token = tokens.iterator().next();
        Invitation invitation = core.invitations().list(org, null).get(0);
        InvitationDelivery delivery = new InvitationDelivery(invitation, "Acme", "Okta", token, "https://x/?t=" + token, false);
        seen.add(delivery);
        assertFalse(seen.toString().contains(token));
        assertFalse(new IssuedInvitation(invitation, token, "https://x/?t=" + token).toString().contains(token));
    }
}
