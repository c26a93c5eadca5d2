package io.scimgate.core.mail;

import io.scimgate.core.invitation.InvitationDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invitation e-mail: a subject, a plain-text body and an HTML body, with placeholders
 * {@code {{organizationName}}}, {@code {{inviter}}} (the directory that invited), {@code {{email}}},
 * {@code {{acceptUrl}}} and {@code {{expiresAt}}}. Each part can be replaced by a file of a
 * template folder: {@value #SUBJECT_FILE}, {@value #TEXT_FILE}, {@value #HTML_FILE} (UTF-8).
 * Values are HTML-escaped in the HTML body.
 */
public record InvitationTemplates(String subject, String text, String html) {

    public static final String SUBJECT_FILE = "invitation-subject.txt";
    public static final String TEXT_FILE = "invitation.txt";
    public static final String HTML_FILE = "invitation.html";
    static final Set<String> PLACEHOLDERS = Set.of("organizationName", "inviter", "email", "acceptUrl", "expiresAt");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public InvitationTemplates {
        check(subject, SUBJECT_FILE);
        check(text, TEXT_FILE);
        check(html, HTML_FILE);
    }

    /** The templates bundled with scimgate. */
    public static InvitationTemplates defaults() {
        return new InvitationTemplates(bundled(SUBJECT_FILE), bundled(TEXT_FILE), bundled(HTML_FILE));
    }

    /**
     * These templates with each file present in {@code folder} in place of its part.
     *
     * @throws IllegalArgumentException when the folder is missing or a file names an unknown placeholder
     */
    public InvitationTemplates withFilesFrom(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The mail template folder " + folder + " does not exist");
        }
        return new InvitationTemplates(fileOr(folder, SUBJECT_FILE, subject), fileOr(folder, TEXT_FILE, text),
                fileOr(folder, HTML_FILE, html));
    }

    /** The message for one delivery. */
    public InvitationMail render(InvitationDelivery delivery) {
        Map<String, String> values = Map.of(
                "organizationName", delivery.organizationName(),
                "inviter", delivery.inviter(),
                "email", delivery.invitation().email(),
                "acceptUrl", delivery.acceptUrl(),
                "expiresAt", render(delivery.invitation().expiresAt()));
        String renderedSubject = fill(subject, values, UnaryOperator.identity()).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return new InvitationMail(renderedSubject, fill(text, values, UnaryOperator.identity()),
                fill(html, values, InvitationTemplates::escapeHtml));
    }

    /** An expiry as the message shows it, e.g. {@code 7 December 2026, 09:00 UTC}. */
    public static String render(java.time.Instant expiresAt) {
        return EXPIRY.format(expiresAt);
    }

    /** A rendered invitation e-mail. */
    public record InvitationMail(String subject, String text, String html) {
    }

    private static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(values.get(matcher.group(1)))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void check(String template, String part) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("The invitation template " + part + " is empty");
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new IllegalArgumentException("The invitation template " + part + " uses {{" + matcher.group(1)
                        + "}}; the placeholders are " + PLACEHOLDERS);
            }
        }
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fileOr(Path folder, String name, String fallback) {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            return fallback;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the invitation template " + file + ": " + e.getMessage(), e);
        }
    }

    private static String bundled(String name) {
        try (InputStream in = InvitationTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled invitation template " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
