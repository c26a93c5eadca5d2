package io.scimgate.core.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Where invitations are mailed, from a URL: {@code smtp://user:password@host:587} (plain SMTP,
 * upgraded with STARTTLS whenever the server offers it) or {@code smtps://user:password@host:465}
 * (TLS from the first byte). User and password are URL-encoded ({@code %40} for {@code @}). Query
 * options: {@code starttls=required} refuses a server that does not offer STARTTLS;
 * {@code trust=host} accepts that host's certificate as it is, without a chain to a known authority
 * and without checking the name in it (a self-signed relay on a private network).
 */
public record SmtpServer(boolean implicitTls, String host, int port, String user, String password,
        boolean startTlsRequired, String trustedHost) {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int READ_TIMEOUT_MS = 30_000;

    public static SmtpServer parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid(url, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw invalid(url, "the scheme must be smtp or smtps");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "it names no host");
        }
        boolean implicitTls = scheme.equals("smtps");
        int port = uri.getPort() > 0 ? uri.getPort() : implicitTls ? 465 : 587;
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        boolean startTlsRequired = false;
        String trustedHost = null;
        if (uri.getRawQuery() != null) {
            for (String option : uri.getRawQuery().split("&")) {
                String[] pair = option.split("=", 2);
                String value = pair.length > 1 ? decode(pair[1]) : "";
                switch (pair[0]) {
                    case "starttls" -> {
                        if (!value.equals("required")) {
                            throw invalid(url, "starttls can only be 'required'");
                        }
                        startTlsRequired = true;
                    }
                    case "trust" -> trustedHost = value;
                    default -> throw invalid(url, "unknown option '" + pair[0] + "' (known: starttls, trust)");
                }
            }
        }
        return new SmtpServer(implicitTls, uri.getHost(), port, user, password, startTlsRequired, trustedHost);
    }

    /** Jakarta Mail session properties for this server. */
    Properties sessionProperties() {
        String protocol = implicitTls ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", host);
        properties.put(prefix + "port", Integer.toString(port));
        properties.put(prefix + "auth", Boolean.toString(user != null));
        properties.put(prefix + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        properties.put(prefix + "timeout", Integer.toString(READ_TIMEOUT_MS));
        properties.put(prefix + "writetimeout", Integer.toString(READ_TIMEOUT_MS));
        properties.put(prefix + "ssl.checkserveridentity", Boolean.toString(trustedHost == null));
        if (!implicitTls) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", Boolean.toString(startTlsRequired));
        }
        if (trustedHost != null) {
            properties.put(prefix + "ssl.trust", trustedHost);
        }
        return properties;
    }

    /** The URL without the password: safe to log. */
    public String describe() {
        return (implicitTls ? "smtps" : "smtp") + "://" + (user == null ? "" : user + "@") + host + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpServer[" + describe() + (startTlsRequired ? ", STARTTLS required" : "")
                + (trustedHost == null ? "" : ", trusting " + trustedHost) + "]";
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String why) {
        String shown = url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
        return new IllegalArgumentException("SCIMGATE_SMTP_URL '" + shown + "' is unusable: " + why
                + " (e.g. smtp://user:password@mail.example.com:587 or smtps://user:password@mail.example.com:465)");
    }
}
