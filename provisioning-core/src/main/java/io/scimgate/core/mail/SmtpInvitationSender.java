package io.scimgate.core.mail;

import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.core.invitation.InvitationSender;
import io.scimgate.core.mail.InvitationTemplates.InvitationMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Mails invitations through an SMTP server (Jakarta Mail, implemented by Eclipse Angus Mail): one
 * message per delivery, plain text and HTML, from the configured address to the invitee. A
 * refusal or an unreachable server throws, so the invitation outbox tries again later.
 */
public final class SmtpInvitationSender implements InvitationSender {

    private final SmtpServer server;
    private final InternetAddress from;
    private final InvitationTemplates templates;
    private final Session session;

    public SmtpInvitationSender(SmtpServer server, String from, InvitationTemplates templates) {
        this.server = server;
        this.from = fromAddress(from);
        this.templates = templates;
        this.session = Session.getInstance(server.sessionProperties());
    }

    @Override
    public void send(InvitationDelivery delivery) {
        if (delivery.acceptUrl() == null) {
            throw new IllegalStateException("No accept URL is configured (SCIMGATE_INVITATION_URL), so the invitation "
                    + "cannot say where to accept");
        }
        InvitationMail mail = templates.render(delivery);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(delivery.invitation().email(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            message.saveChanges();
            try (Transport transport = session.getTransport()) {
                transport.connect(server.host(), server.port(), server.user(), server.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP " + server.describe() + " did not take the message: " + e.getMessage(), e);
        }
    }

    public SmtpServer server() {
        return server;
    }

    public InternetAddress from() {
        return from;
    }

    /**
     * The sender address, e.g. {@code Acme Access <no-reply@acme.com>}.
     *
     * @throws IllegalArgumentException when it is missing or no e-mail address
     */
    public static InternetAddress fromAddress(String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("SCIMGATE_MAIL_FROM is required with SCIMGATE_SMTP_URL, e.g. "
                    + "\"Acme Access <no-reply@acme.example>\"");
        }
        try {
            InternetAddress address = new InternetAddress(from.trim(), true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("SCIMGATE_MAIL_FROM '" + from + "' is not an e-mail address: " + e.getMessage(), e);
        }
    }
}
