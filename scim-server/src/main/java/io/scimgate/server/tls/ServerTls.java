package io.scimgate.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS served by scimgate itself: the certificate chain and key from PEM files, TLS 1.3 and 1.2
 * only, with forward-secret AEAD cipher suites only. The files are read again every
 * {@code reloadInterval} and, when their content changed and the new pair is usable, served from
 * the next handshake on (certificate renewal without a restart); a pair that is not usable
 * (renewal half-written, key of another certificate) is logged and the current one stays.
 */
public final class ServerTls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** TLS 1.3's suites, then TLS 1.2's with ECDHE key exchange and AES-GCM or ChaCha20-Poly1305. */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final Path certFile;
    private final Path keyFile;
    private final Duration reloadInterval;
    private final ReloadingKeyManager keyManager;
    private final SSLContext context;
    private volatile byte[] loadedFingerprint;
    private volatile byte[] rejectedFingerprint;
    private ScheduledExecutorService reloader;
    private ScheduledFuture<?> checks;

    private ServerTls(Path certFile, Path keyFile, Duration reloadInterval) {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.reloadInterval = reloadInterval;
        this.loadedFingerprint = fingerprint();
        this.keyManager = new ReloadingKeyManager(PemKeyMaterial.load(certFile, keyFile));
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keyManager}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM offers no TLS", e);
        }
    }

    /**
     * Loads the pair once, now.
     *
     * @throws IllegalArgumentException saying which file is wrong and why
     */
    public static ServerTls load(Path certFile, Path keyFile, Duration reloadInterval) {
        return new ServerTls(certFile, keyFile, reloadInterval);
    }

    /** The listener's TLS settings: server mode, no client certificates, the protocols and suites above. */
    public SSLEngineConfigurator engineConfigurator() {
        SSLEngineConfigurator configurator = new SSLEngineConfigurator(context, false, false, false);
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        configurator.setEnabledProtocols(PROTOCOLS.toArray(new String[0]));
        configurator.setEnabledCipherSuites(CIPHER_SUITES.stream().filter(supported::contains).toArray(String[]::new));
        return configurator;
    }

    /** Starts looking for new files every reload interval. */
    public synchronized void start() {
        if (reloader != null) {
            return;
        }
        reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scimgate-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = reloadInterval.toMillis();
        checks = reloader.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    public synchronized boolean isAlive() {
        return reloader != null && !checks.isDone();
    }

    /**
     * Serves the files' new content if it changed and is usable; an unusable change is logged once.
     *
     * @return whether a new certificate is now served
     */
    public boolean reloadIfChanged() {
        byte[] now = fingerprint();
        if (Arrays.equals(now, loadedFingerprint)) {
            return false;
        }
        try {
            keyManager.replace(PemKeyMaterial.load(certFile, keyFile));
        } catch (IllegalArgumentException e) {
            if (!Arrays.equals(now, rejectedFingerprint)) {
                rejectedFingerprint = now;
                LOG.warn("TLS: the certificate files changed but cannot be used (yet), so the current certificate stays: {}",
                        e.getMessage());
            }
            return false;
        }
        loadedFingerprint = now;
        LOG.info("TLS: serving the new certificate from {} (expires {})", certFile,
                PemKeyMaterial.certificates(certFile).get(0).getNotAfter().toInstant());
        return true;
    }

    private void reloadQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.warn("TLS: checking the certificate files failed: {}", e.toString());
        }
    }

    private byte[] fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(certFile));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(keyFile));
            return digest.digest();
        } catch (IOException e) {
            return new byte[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public synchronized void close() {
        if (reloader != null) {
            reloader.shutdownNow();
            reloader = null;
        }
    }
}
