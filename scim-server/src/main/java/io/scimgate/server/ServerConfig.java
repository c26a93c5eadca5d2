package io.scimgate.server;

import io.scimgate.core.domain.ConsumerDomains;
import io.scimgate.core.domain.DomainChecks;
import io.scimgate.core.domain.JndiTxtResolver;
import io.scimgate.core.domain.TxtResolver;
import io.scimgate.core.google.GoogleOptions;
import io.scimgate.core.invitation.Invitations;
import io.scimgate.core.mail.InvitationTemplates;
import io.scimgate.core.mail.SmtpInvitationSender;
import io.scimgate.core.mail.SmtpServer;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.store.RetrySchedule;
import io.scimgate.server.config.Configuration;
import io.scimgate.server.config.ConfigurationException;
import io.scimgate.server.config.ConfigurationFile;
import io.scimgate.server.config.Setting;
import io.scimgate.server.logging.LogFormat;
import io.scimgate.server.proxy.TrustedProxies;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of a scimgate server, with safe defaults (loopback only, embedded H2 under ./data).
 * Each is read from its environment variable, else from the configuration file
 * ({@code --config} or {@code SCIMGATE_CONFIG}), else its default; all are validated at start,
 * and a bad one is reported by name.
 *
 * <p>To add a setting, declare it here as a {@code public static final Setting} constant (variable,
 * default, parser, meaning) and read it with {@link #get(Setting)}; it is then loaded, validated,
 * accepted in the file and redacted in logs with nothing else to change. Document it in the
 * README's configuration table ({@code ConfigurationDocumentedTest} checks).
 */
public final class ServerConfig {

    public static final Setting<Integer> PORT = Setting.integer("SCIMGATE_PORT", 8080, 0, 65535,
            "TCP port to listen on (0 picks a free one)");
    public static final Setting<String> BIND = Setting.text("SCIMGATE_BIND", "127.0.0.1",
            "address to listen on; 0.0.0.0 to accept connections from other hosts");
    public static final Setting<URI> PUBLIC_URL = Setting.url("SCIMGATE_PUBLIC_URL", null,
            "URL clients use to reach scimgate; default: the address each request was sent to");
    public static final Setting<String> DB_URL = Setting.text("SCIMGATE_DB_URL", "jdbc:h2:file:./data/scimgate",
            "JDBC URL of the store");
    public static final Setting<String> DB_SCHEMA = Setting.text("SCIMGATE_DB_SCHEMA", null,
            "database schema for scimgate's tables and migration history (created when missing); default: the connection's own");
    public static final Setting<String> DB_USER = Setting.text("SCIMGATE_DB_USER", null, "database user");
    public static final Setting<String> DB_PASSWORD = Setting.text("SCIMGATE_DB_PASSWORD", null, "database password").secret();
    public static final Setting<String> ADMIN_TOKEN = Setting.text("SCIMGATE_ADMIN_TOKEN", null,
            "the admin API's bearer token; when set, it replaces the stored one").secret();
    public static final Setting<String> INVITATION_URL = Setting.text("SCIMGATE_INVITATION_URL", null,
            "the host app's page where invitees accept, with {token}");
    public static final Setting<Duration> INVITATION_EXPIRY = Setting.duration("SCIMGATE_INVITATION_EXPIRY",
            Invitations.DEFAULT_EXPIRY, "how long an invitation stays valid");
    public static final Setting<Integer> RATE_LIMIT = Setting.integer("SCIMGATE_RATE_LIMIT", ScimgateHttp.DEFAULT_RATE_LIMIT, 1, Integer.MAX_VALUE,
            "each directory's request budget per second");
    public static final Setting<Integer> RATE_BURST = Setting.integer("SCIMGATE_RATE_BURST", ScimgateHttp.DEFAULT_RATE_BURST, 1, Integer.MAX_VALUE,
            "each directory's burst");
    public static final Setting<SecretBox> SECRET_KEY = Setting.of("SCIMGATE_SECRET_KEY", null, ServerConfig::secretBox,
            "base64 keys (comma-separated, newest first) that encrypt secrets kept in the store").secret();
    public static final Setting<URI> GOOGLE_TOKEN_URL = Setting.url("SCIMGATE_GOOGLE_TOKEN_URL", GoogleOptions.GOOGLE_TOKEN_URL,
            "Google's OAuth token endpoint");
    public static final Setting<URI> GOOGLE_API_URL = Setting.url("SCIMGATE_GOOGLE_API_URL", GoogleOptions.GOOGLE_API_BASE_URL,
            "the Admin SDK host");
    public static final Setting<Duration> REQUEST_BUDGET = Setting.duration("SCIMGATE_REQUEST_BUDGET", Duration.ofSeconds(10),
            "how long one request may take before it gives up without changing anything");
    public static final Setting<Path> TLS_CERT = Setting.readableFile("SCIMGATE_TLS_CERT",
            "PEM certificate chain (server certificate first); with SCIMGATE_TLS_KEY, scimgate serves HTTPS itself");
    public static final Setting<Path> TLS_KEY = Setting.readableFile("SCIMGATE_TLS_KEY",
            "PEM private key of the certificate (PKCS#8, RSA or EC), unencrypted");
    public static final Setting<Duration> TLS_RELOAD_INTERVAL = Setting.duration("SCIMGATE_TLS_RELOAD_INTERVAL",
            Duration.ofMinutes(1), "how often the certificate files are checked for a renewal");
    public static final Setting<TrustedProxies> TRUSTED_PROXIES = Setting.of("SCIMGATE_TRUSTED_PROXIES", TrustedProxies.none(),
            TrustedProxies::parse, "reverse proxies (addresses or CIDR ranges) whose X-Forwarded-* headers are believed");
    public static final Setting<Duration> SHUTDOWN_GRACE = Setting.duration("SCIMGATE_SHUTDOWN_GRACE", Duration.ofSeconds(30),
            "on SIGTERM, how long requests in flight may take to finish");

    public static final Setting<SmtpServer> SMTP_URL = Setting.of("SCIMGATE_SMTP_URL", null, SmtpServer::parse,
            "SMTP server that mails invitations: smtp://user:password@host:587 or smtps://user:password@host:465").secret();
    public static final Setting<String> MAIL_FROM = Setting.of("SCIMGATE_MAIL_FROM", null,
            from -> SmtpInvitationSender.fromAddress(from).toString(), "sender of invitation e-mails, e.g. Acme <no-reply@acme.com>");
    public static final Setting<InvitationTemplates> MAIL_TEMPLATES = Setting.of("SCIMGATE_MAIL_TEMPLATES",
            InvitationTemplates.defaults(), folder -> InvitationTemplates.defaults().withFilesFrom(Path.of(folder)),
            "folder whose invitation-subject.txt, invitation.txt and invitation.html replace the bundled ones");
    public static final Setting<List<String>> CONSUMER_DOMAINS_FILE = Setting.of("SCIMGATE_CONSUMER_DOMAINS_FILE", List.of(),
            file -> ConsumerDomains.readFile(Path.of(file)), "file of further consumer e-mail domains no organization may claim");
    public static final Setting<List<String>> DNS_RESOLVER = Setting.of("SCIMGATE_DNS_RESOLVER", List.of(),
            JndiTxtResolver::nameServers, "name servers for domain verification (host or host:port, comma-separated)");
    public static final Setting<Duration> DNS_RECHECK_FIRST = Setting.duration("SCIMGATE_DNS_RECHECK_FIRST",
            DomainChecks.DEFAULT_RECHECKS.first(), "wait before a pending DNS domain is looked up again, doubling each time");
    public static final Setting<Duration> DNS_RECHECK_LONGEST = Setting.duration("SCIMGATE_DNS_RECHECK_LONGEST",
            DomainChecks.DEFAULT_RECHECKS.longest(), "longest wait between two lookups of a pending DNS domain");

    public static final Setting<Integer> METRICS_PORT = Setting.of("SCIMGATE_METRICS_PORT", null, ServerConfig::port,
            "port of a separate listener serving /metrics without a token (0 picks a free one); default: /metrics on"
                    + " the main port, behind the admin token");
    public static final Setting<LogFormat> LOG_FORMAT = Setting.of("SCIMGATE_LOG_FORMAT", LogFormat.TEXT, LogFormat::parse,
            "json (one JSON object a line) or text");

    private static final List<Setting<?>> SETTINGS = Setting.declaredIn(ServerConfig.class);

    private final Configuration values;

    private ServerConfig(Configuration values) {
        this.values = values;
    }

    /** Every setting, in the order declared. */
    public static List<Setting<?>> settings() {
        return SETTINGS;
    }

    /** From this process's environment, with the file {@code SCIMGATE_CONFIG} names, if any. */
    public static ServerConfig fromEnvironment() {
        return load(null, System.getenv());
    }

    /** From {@code environment} alone, or with the file its {@code SCIMGATE_CONFIG} names. */
    public static ServerConfig from(Map<String, String> environment) {
        return load(null, environment);
    }

    /**
     * From {@code environment} over the configuration file {@code configFile} (else the one
     * {@code SCIMGATE_CONFIG} names, else none) over the defaults.
     *
     * @throws io.scimgate.server.config.ConfigurationException naming every bad key
     */
    public static ServerConfig load(Path configFile, Map<String, String> environment) {
        String named = environment.get(ConfigurationFile.VARIABLE);
        Path path = configFile != null ? configFile : named == null || named.isBlank() ? null : Path.of(named.trim());
        ConfigurationFile file = path == null ? ConfigurationFile.none() : ConfigurationFile.read(path);
        ServerConfig config = new ServerConfig(Configuration.resolve(SETTINGS, file, environment));
        List<String> problems = new ArrayList<>();
        if (config.get(SMTP_URL) != null && config.get(MAIL_FROM) == null) {
            problems.add(MAIL_FROM.variable() + ": is required with " + SMTP_URL.variable()
                    + ", e.g. \"Acme Access <no-reply@acme.com>\"");
        }
        if (config.get(DNS_RECHECK_LONGEST).compareTo(config.get(DNS_RECHECK_FIRST)) < 0) {
            problems.add(DNS_RECHECK_LONGEST.variable() + ": must not be shorter than " + DNS_RECHECK_FIRST.variable());
        }
        if ((config.get(TLS_CERT) == null) != (config.get(TLS_KEY) == null)) {
            problems.add(TLS_CERT.variable() + " and " + TLS_KEY.variable() + ": give both (HTTPS) or neither (HTTP)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return config;
    }

    /** Whether scimgate serves HTTPS itself ({@code SCIMGATE_TLS_CERT} and {@code SCIMGATE_TLS_KEY}). */
    public boolean servesTls() {
        return get(TLS_CERT) != null;
    }

    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** A copy with one setting changed (embedding hosts, tests). */
    public <T> ServerConfig with(Setting<T> setting, T value) {
        return new ServerConfig(values.with(setting, value));
    }

    public ServerConfig withPort(int newPort) {
        return with(PORT, newPort);
    }

    /** Variables that look like settings but are none (misspelt); worth a warning at start. */
    public List<String> warnings() {
        return values.warnings();
    }

    public int port() {
        return get(PORT);
    }

    public String bindAddress() {
        return get(BIND);
    }

    /** The public URL without a trailing slash, or null when not configured. */
    public String publicUrl() {
        URI url = get(PUBLIC_URL);
        return url == null ? null : url.toString();
    }

    /**
     * Where clients reach a server of this configuration listening on {@code port}: the public URL
     * when configured, else the bound address ({@code localhost} for a wildcard bind).
     */
    public String baseUrl(int port) {
        if (publicUrl() != null) {
            return publicUrl();
        }
        String host = bindAddress().equals("0.0.0.0") ? "localhost" : bindAddress();
        return (servesTls() ? "https://" : "http://") + host + ":" + port;
    }

    public String dbUrl() {
        return get(DB_URL);
    }

    /** The store's schema; null: the connection's current one. */
    public String dbSchema() {
        return get(DB_SCHEMA);
    }

    public String dbUser() {
        return get(DB_USER);
    }

    public String dbPassword() {
        return get(DB_PASSWORD);
    }

    public String adminToken() {
        return get(ADMIN_TOKEN);
    }

    public String invitationUrl() {
        return get(INVITATION_URL);
    }

    public Duration invitationExpiry() {
        return get(INVITATION_EXPIRY);
    }

    public int rateLimitPerSecond() {
        return get(RATE_LIMIT);
    }

    public int rateLimitBurst() {
        return get(RATE_BURST);
    }

    /** Encrypts secrets kept in the store (Google service-account keys); null when no secret key is configured. */
    public SecretBox secretBox() {
        return get(SECRET_KEY);
    }

    public URI googleTokenUrl() {
        return get(GOOGLE_TOKEN_URL);
    }

    public URI googleApiUrl() {
        return get(GOOGLE_API_URL);
    }

    /** How long one request may take (RequestBudget). */
    public Duration requestBudget() {
        return get(REQUEST_BUDGET);
    }

    /** The invitation sender the settings describe: SMTP when SCIMGATE_SMTP_URL is set, else none. */
    public Optional<SmtpInvitationSender> invitationMailer() {
        SmtpServer smtp = get(SMTP_URL);
        return smtp == null ? Optional.empty()
                : Optional.of(new SmtpInvitationSender(smtp, get(MAIL_FROM), get(MAIL_TEMPLATES)));
    }

    /** How domains are verified: the TXT resolver, and when a pending DNS domain is looked up again. */
    public TxtResolver txtResolver() {
        return new JndiTxtResolver(get(DNS_RESOLVER));
    }

    public RetrySchedule domainRechecks() {
        return new RetrySchedule(get(DNS_RECHECK_FIRST), get(DNS_RECHECK_LONGEST), false);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a port between 0 and 65535, not '" + text + "'");
    }

    private static SecretBox secretBox(String keys) {
        try {
            return SecretBox.fromBase64(keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (make one with: openssl rand -base64 32)");
        }
    }

    /** Every setting, secrets only as set or not: safe to log. */
    @Override
    public String toString() {
        return "ServerConfig" + values;
    }
}
