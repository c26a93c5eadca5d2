package io.scimgate.server.tls;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.cli.ScimgateCommand;
import io.scimgate.server.config.ConfigurationException;
import io.scimgate.server.testing.TestServer;
import io.scimgate.server.tls.TestCertificates.KeyEncoding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** scimgate serving HTTPS itself from PEM files, TLS 1.2+ with modern suites, renewing its certificate without a restart. */
class ServerTlsTest {

    private final TestCertificates certificates = new TestCertificates();

    @TempDir
    Path folder;

    private Path cert() {
        return folder.resolve("cert.pem");
    }

    private Path key() {
        return folder.resolve("key.pem");
    }

    private TestServer httpsServer() {
        return TestServer.start(Map.of("SCIMGATE_TLS_CERT", cert().toString(), "SCIMGATE_TLS_KEY", key().toString(),
                "SCIMGATE_TLS_RELOAD_INTERVAL", "100ms"));
    }

    @ParameterizedTest
    @EnumSource(KeyEncoding.class)
    void servesHttpsWithTheChainAndKeyFromPemFilesInEachEncoding(KeyEncoding encoding) throws Exception {
        certificates.issue("scim.test", encoding, cert(), key());
        try (TestServer server = httpsServer()) {
            assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(certificates.clientContext()).build();
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready::body);
            assertTrue(ready.body().contains("\"tlsReload\":\"ok\""), ready.body());
            assertEquals(2, ready.sslSession().orElseThrow().getPeerCertificates().length, "the chain is served whole");

            HttpResponse<String> directory = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/admin/v1/organizations"))
                    .header("Authorization", "Bearer " + server.adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, directory.statusCode(), directory::body);
            assertTrue(directory.headers().firstValue("Location").orElseThrow().startsWith("https://127.0.0.1:"));
        }
    }

    @Test
    void theHealthCommandTrustsTheServersOwnCertificate() {
        certificates.issue("scim.test", KeyEncoding.PKCS8_RSA, cert(), key());
        try (TestServer server = httpsServer()) {
            StringWriter out = new StringWriter();
            int exitCode = ScimgateCommand.run(Map.of("SCIMGATE_TLS_CERT", cert().toString(),
                    "SCIMGATE_TLS_KEY", key().toString(), "SCIMGATE_PORT", Integer.toString(server.server().port())),
                    new PrintWriter(out, true), new PrintWriter(out, true), "health");
            assertEquals(0, exitCode, out::toString);
            assertTrue(out.toString().startsWith("200 "), out::toString);
        }
    }

    @Test
    void onlyTls12AndUpWithForwardSecretAeadSuitesAreAccepted() throws Exception {
        certificates.issue("scim.test", KeyEncoding.PKCS8_RSA, cert(), key());
        try (TestServer server = httpsServer()) {
            int port = server.server().port();
            assertEquals("TLSv1.3", handshake(port, new String[] {"TLSv1.3"}, null).getProtocol());
            SSLSession tls12 = handshake(port, new String[] {"TLSv1.2"}, null);
            assertEquals("TLSv1.2", tls12.getProtocol());
            assertTrue(ServerTls.CIPHER_SUITES.contains(tls12.getCipherSuite()) && tls12.getCipherSuite().startsWith("TLS_ECDHE_"),
                    tls12.getCipherSuite());

            for (String weak : new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"}) {
                assertThrows(SSLHandshakeException.class, () -> handshake(port, new String[] {"TLSv1.2"}, new String[] {weak}),
                        weak + " must be refused");
            }
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        certificates.issue("before.renewal", KeyEncoding.PKCS8_RSA, cert(), key());
        try (TestServer server = httpsServer()) {
            int port = server.server().port();
            assertEquals("CN=before.renewal", subject(port));

            certificates.issue("after.renewal", KeyEncoding.SEC1_EC, cert(), key());

            await().atMost(Duration.ofSeconds(20)).until(() -> subject(port).equals("CN=after.renewal"));
        }
    }

    @Test
    void aHalfWrittenRenewalKeepsTheCurrentCertificate() throws Exception {
        certificates.issue("current", KeyEncoding.PKCS8_RSA, cert(), key());
        try (TestServer server = httpsServer()) {
            int port = server.server().port();
            Path otherCert = folder.resolve("other-cert.pem");
            Path otherKey = folder.resolve("other-key.pem");
            certificates.issue("renewed", KeyEncoding.PKCS8_RSA, otherCert, otherKey);
            Files.copy(otherCert, cert(), StandardCopyOption.REPLACE_EXISTING);

            Thread.sleep(500);
            assertEquals("CN=current", subject(port), "a certificate without its key is not served");

            Files.copy(otherKey, key(), StandardCopyOption.REPLACE_EXISTING);
            await().atMost(Duration.ofSeconds(20)).until(() -> subject(port).equals("CN=renewed"));
        }
    }

    @Test
    void unusableFilesStopTheStartWithTheirNames() throws IOException {
        certificates.issue("mine", KeyEncoding.PKCS8_RSA, cert(), key());
        Path otherCert = folder.resolve("other-cert.pem");
        certificates.issue("other", KeyEncoding.PKCS8_RSA, otherCert, folder.resolve("other-key.pem"));

        ConfigurationException mismatch = assertThrows(ConfigurationException.class, () -> TestServer.start(Map.of(
                "SCIMGATE_TLS_CERT", otherCert.toString(), "SCIMGATE_TLS_KEY", key().toString())));
        assertTrue(mismatch.getMessage().contains("SCIMGATE_TLS_CERT / SCIMGATE_TLS_KEY: the key in " + key()
                + " does not belong to the first certificate in " + otherCert), mismatch.getMessage());

        ConfigurationException alone = assertThrows(ConfigurationException.class,
                () -> TestServer.start(Map.of("SCIMGATE_TLS_CERT", cert().toString())));
        assertTrue(alone.getMessage().contains("SCIMGATE_TLS_CERT and SCIMGATE_TLS_KEY: give both (HTTPS) or neither (HTTP)"),
                alone.getMessage());

        Files.writeString(key(), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        ConfigurationException garbage = assertThrows(ConfigurationException.class, () -> TestServer.start(Map.of(
                "SCIMGATE_TLS_CERT", cert().toString(), "SCIMGATE_TLS_KEY", key().toString())));
        assertTrue(garbage.getMessage().contains(key().toString()), garbage.getMessage());

        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> TestServer.start(Map.of(
                "SCIMGATE_TLS_CERT", folder.resolve("nope.pem").toString(), "SCIMGATE_TLS_KEY", key().toString())));
        assertTrue(missing.getMessage().contains("SCIMGATE_TLS_CERT (environment): must name a readable file"), missing.getMessage());
    }

    private SSLSession handshake(int port, String[] protocols, String[] cipherSuites) throws IOException {
        try (SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(protocols);
            if (cipherSuites != null) {
                socket.setEnabledCipherSuites(cipherSuites);
            }
            socket.startHandshake();
            return socket.getSession();
        }
    }

    private String subject(int port) throws IOException {
        return ((X509Certificate) handshake(port, new String[] {"TLSv1.3"}, null).getPeerCertificates()[0])
                .getSubjectX500Principal().getName();
    }
}
