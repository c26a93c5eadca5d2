package io.scimgate.server.cli;

import io.scimgate.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.Callable;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Asks a running server whether it is ready, for container health checks on images without curl:
 * exit 0 when {@code /health/ready} answers 200, 1 otherwise.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Exits 0 when the server on this host answers /health/ready with 200, else 1 (for HEALTHCHECK).",
                "With TLS configured, the server's own certificate (SCIMGATE_TLS_CERT) is the one trusted."})
final class HealthCommand implements Callable<Integer> {

    private static final int TIMEOUT_MILLIS = 5000;

    @ParentCommand
    private ScimgateCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "the readiness URL (default: SCIMGATE_PORT on 127.0.0.1, https when TLS is configured)")
    URI url;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = parent.config();
        URI probe = url != null ? url : URI.create((config.servesTls() ? "https" : "http") + "://127.0.0.1:" + config.port()
                + "/health/ready");
        HttpURLConnection connection = (HttpURLConnection) probe.toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        if (connection instanceof HttpsURLConnection https && config.servesTls()) {
            https.setSSLSocketFactory(trustingOwnCertificate(config).getSocketFactory());
            // The certificate itself is the trust anchor, so the host name it was issued for need not be 127.0.0.1.
            https.setHostnameVerifier((host, session) -> true);
        }
        try {
            int status = connection.getResponseCode();
            String body = read(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            spec.commandLine().getOut().println(status + " " + body);
            return status == 200 ? ScimgateCommand.DONE : ScimgateCommand.FAILED;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Not ready: " + probe + " cannot be reached (" + e.getMessage() + ")");
            return ScimgateCommand.FAILED;
        } finally {
            connection.disconnect();
        }
    }

    private static SSLContext trustingOwnCertificate(ServerConfig config) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(config.get(ServerConfig.TLS_CERT))) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("certificate-" + i++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String read(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
