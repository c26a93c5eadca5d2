package io.scimgate.server;

import io.scimgate.core.invitation.Invitations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import io.scimgate.core.google.GoogleOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Settings of a scimgate server, read from environment variables with safe defaults:
 * loopback only, embedded H2 under ./data.
 *
 * @param secretKey base64 of 32 random bytes that encrypts secrets kept in the store (Google
 *     service-account keys); null when not set, and then such keys can only be given by file
 * @param googleTokenUrl Google's OAuth token endpoint, unless pointed elsewhere (tests, egress proxies)
 * @param googleApiUrl the Admin SDK host, unless pointed elsewhere
 */
public record ServerConfig(
        int port,
        String bindAddress,
        String publicUrl,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String adminToken,
        String invitationUrl,
        Duration invitationExpiry,
        int rateLimitPerSecond,
        int rateLimitBurst,
        String secretKey,
        URI googleTokenUrl,
        URI googleApiUrl,
        Duration requestBudget) {

    public static final int DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_RATE_BURST = 200;

    public static final Duration DEFAULT_REQUEST_BUDGET = Duration.ofSeconds(10);

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/scimgate";

    public static ServerConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static ServerConfig from(Map<String, String> env) {
        return new ServerConfig(
                port(env.get("SCIMGATE_PORT")),
                orDefault(env.get("SCIMGATE_BIND"), "127.0.0.1"),
                stripTrailingSlash(blankToNull(env.get("SCIMGATE_PUBLIC_URL"))),
                orDefault(env.get("SCIMGATE_DB_URL"), DEFAULT_DB_URL),
                blankToNull(env.get("SCIMGATE_DB_USER")),
                blankToNull(env.get("SCIMGATE_DB_PASSWORD")),
                blankToNull(env.get("SCIMGATE_ADMIN_TOKEN")),
                blankToNull(env.get("SCIMGATE_INVITATION_URL")),
                duration("SCIMGATE_INVITATION_EXPIRY", env.get("SCIMGATE_INVITATION_EXPIRY"), Invitations.DEFAULT_EXPIRY),
                positive("SCIMGATE_RATE_LIMIT", env.get("SCIMGATE_RATE_LIMIT"), DEFAULT_RATE_LIMIT),
                positive("SCIMGATE_RATE_BURST", env.get("SCIMGATE_RATE_BURST"), DEFAULT_RATE_BURST),
                blankToNull(env.get("SCIMGATE_SECRET_KEY")),
                url("SCIMGATE_GOOGLE_TOKEN_URL", env.get("SCIMGATE_GOOGLE_TOKEN_URL"), GoogleOptions.GOOGLE_TOKEN_URL),
                url("SCIMGATE_GOOGLE_API_URL", env.get("SCIMGATE_GOOGLE_API_URL"), GoogleOptions.GOOGLE_API_BASE_URL),
                duration("SCIMGATE_REQUEST_BUDGET", env.get("SCIMGATE_REQUEST_BUDGET"), DEFAULT_REQUEST_BUDGET));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, bindAddress, publicUrl, dbUrl, dbUser, dbPassword, adminToken, invitationUrl,
                invitationExpiry, rateLimitPerSecond, rateLimitBurst, secretKey, googleTokenUrl, googleApiUrl, requestBudget);
    }

    /** Without the database password, the admin token and the secret key: safe to log. */
    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", bindAddress=" + bindAddress + ", publicUrl=" + publicUrl
                + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword=" + redacted(dbPassword)
                + ", adminToken=" + redacted(adminToken) + ", invitationUrl=" + invitationUrl
                + ", invitationExpiry=" + invitationExpiry + ", rateLimitPerSecond=" + rateLimitPerSecond
                + ", rateLimitBurst=" + rateLimitBurst + ", secretKey=" + redacted(secretKey)
                + ", googleTokenUrl=" + googleTokenUrl + ", googleApiUrl=" + googleApiUrl
                + ", requestBudget=" + requestBudget + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? "none" : "(set)";
    }

    private static URI url(String variable, String value, URI fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            URI uri = new URI(value.trim());
            if (!uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(variable + " must be an http(s) URL, not '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " must be an http(s) URL, not '" + value + "'", e);
        }
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("SCIMGATE_PORT must be between 0 and 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SCIMGATE_PORT must be a number, not '" + value + "'", e);
        }
    }

    private static int positive(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }

    /** An ISO-8601 duration such as {@code P7D} or {@code PT12H}. */
    private static Duration duration(String name, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.trim());
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + value);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as P7D or PT12H, not '" + value + "'", e);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        if (url == null) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
