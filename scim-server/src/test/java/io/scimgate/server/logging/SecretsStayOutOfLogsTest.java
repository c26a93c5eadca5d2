package io.scimgate.server.logging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every kind of secret scimgate handles goes through the server, right and wrong, with every log
 * level on: none of them appears in any log line (message, fields or stack trace, as the JSON log
 * carries them) or in any error body, including the 400s that describe a malformed request.
 */
class SecretsStayOutOfLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<HttpReply> errors = new ArrayList<>();

    private String secret(String kind, String value) {
        secrets.put(kind, value);
        return value;
    }

    private HttpReply sent(HttpReply reply) {
        if (reply.status() >= 400) {
            errors.add(reply);
        }
        return reply;
    }

    private static String user(String email, String extra) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
                + "\",\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]" + extra + "}";
    }

    @Test
    void noTokenSecretPasswordInvitationTokenOrGoogleKeyIsLoggedOrEchoed() throws Exception {
        String secretKey = secret("SCIMGATE_SECRET_KEY", Base64.getEncoder().encodeToString(UUID.randomUUID().toString()
                .substring(0, 32).getBytes()));
        String smtpPassword = secret("SMTP password", "Smtp-" + UUID.randomUUID());
        // Google's token endpoint refusing the delegation, as it does when step 3 of the set-up is missing.
        com.sun.net.httpserver.HttpServer googleApi = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        googleApi.createContext("/token", exchange -> {
            byte[] body = "{\"error\":\"unauthorized_client\",\"error_description\":\"Client is unauthorized\"}".getBytes();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        googleApi.start();
        String googleUrl = "http://127.0.0.1:" + googleApi.getAddress().getPort();
        try (LogCapture logs = LogCapture.everything();
                TestServer server = TestServer.start(Map.of(
                        "SCIMGATE_SECRET_KEY", secretKey,
                        "SCIMGATE_SMTP_URL", "smtp://scimgate:" + smtpPassword + "@127.0.0.1:1",
                        "SCIMGATE_MAIL_FROM", "Acme <no-reply@acme.example>",
                        "SCIMGATE_GOOGLE_TOKEN_URL", googleUrl + "/token",
                        "SCIMGATE_GOOGLE_API_URL", googleUrl))) {
            secret("admin token", server.adminToken());
            AdminClient admin = server.admin();
            Http adminHttp = admin.http();
            String organizationId = admin.createOrganization("Acme");
            admin.addVerifiedDomain(organizationId, "acme.example");
            DirectoryAccess directory = admin.createDirectory(organizationId, "Okta", "okta");
            DirectoryAccess other = admin.createDirectory(organizationId, "Entra", "entra");
            secret("directory token", directory.token());
            secret("other directory's token", other.token());

            // SCIM: right and wrong tokens, a password, a password in a body that is not JSON.
            sent(directory.scim().post("Users", user("ana@acme.example",
                    ",\"password\":\"" + secret("password", "Pw-" + UUID.randomUUID()) + "\"")));
            sent(new Http(directory.scimBaseUrl()).bearer(other.token()).get("Users"));
            sent(new Http(directory.scimBaseUrl()).withHeader("Authorization", "Basic " + directory.token()).get("Users"));
            HttpReply malformed = sent(directory.scim().post("Users", "{\"userName\":\"bo@acme.example\",\"password\": "
                    + secret("unquoted password", "Hunter2Pw" + UUID.randomUUID().toString().replace("-", "")) + "}"));
            assertEquals(400, malformed.status(), malformed::toString);

            // Admin API: a wrong admin token, then a token in a body that is not JSON (the 400 describes it).
            sent(new Http(server.url() + "/admin/v1").bearer(directory.token()).get("organizations"));
            HttpReply badJson = sent(adminHttp.post("invitations/accept", "{\"token\": "
                    + secret("token in a malformed admin body", "sgi_" + UUID.randomUUID().toString().replace("-", "")) + "}"));
            assertEquals(400, badJson.status(), badJson::toString);
            HttpReply wrongType = sent(adminHttp.post("organizations", "{\"name\": [\""
                    + secret("value of the wrong type", "Wrong-" + UUID.randomUUID()) + "\"]}"));
            assertEquals(400, wrongType.status(), wrongType::toString);

            // Invitations: a guest is invited (the mail server is down: the delivery fails and is logged),
            // then the operator resends and accepts with the token.
            sent(directory.scim().post("Users", user("gus@contractor.example", "")));
            String invitationId = adminHttp.get("invitations?organizationId=" + organizationId + "&state=pending")
                    .json().get("data").get(0).get("id").asText();
            HttpReply resent = sent(adminHttp.post("invitations/" + invitationId + "/resend", ""));
            String invitationToken = secret("invitation token", resent.json().get("token").asText());
            sent(adminHttp.post("invitations/accept", "{\"token\":\"" + invitationToken + "x\"}"));
            assertEquals(200, sent(adminHttp.post("invitations/accept", "{\"token\":\"" + invitationToken + "\"}")).status());

            // Webhooks: the signing secret is answered once.
            HttpReply hook = sent(adminHttp.post("webhooks", "{\"url\":\"http://127.0.0.1:1/hook\"}"));
            secret("webhook secret", hook.json().get("secret").asText());

            // Google: a real service-account key, stored encrypted; its sync fails against a closed port.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pkcs8 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            secret("Google private key", pkcs8.substring(100, 164));
            ObjectNode key = JSON.createObjectNode().put("type", "service_account").put("project_id", "p")
                    .put("private_key_id", secret("Google private key id", "kid" + UUID.randomUUID().toString().replace("-", "")))
                    .put("private_key", "-----BEGIN PRIVATE KEY-----\n" + pkcs8 + "\n-----END PRIVATE KEY-----\n")
                    .put("client_email", "sync@p.iam.gserviceaccount.com").put("client_id", "1")
                    .put("token_uri", googleUrl + "/token");
            DirectoryAccess google = admin.createDirectory(organizationId, "Google", "google");
            ObjectNode settings = JSON.createObjectNode().put("adminEmail", "it@acme.example");
            settings.set("serviceAccountKey", key);
            assertEquals(201, sent(adminHttp.put("directories/" + google.id() + "/google", settings.toString())).status());
            ObjectNode broken = settings.deepCopy();
            ((ObjectNode) broken.get("serviceAccountKey")).put("private_key", "-----BEGIN PRIVATE KEY-----\n"
                    + pkcs8.substring(0, 200) + "\n-----END PRIVATE KEY-----\n");
            sent(adminHttp.put("directories/" + google.id() + "/google", broken.toString()));
            await().atMost(Duration.ofSeconds(60)).until(() -> adminHttp.get("directories/" + google.id() + "/google/runs")
                    .json().get("data").size() > 0
                    && !adminHttp.get("directories/" + google.id() + "/google/runs").json().get("data").get(0).get("status")
                            .asText().equals("running"));
            server.server().core().provisioningLog().flush();

            String logged = logs.text();
            assertTrue(logged.contains("scimgate.access"), "the capture saw the server's lines");
            assertTrue(errors.size() >= 6, "errors were answered: " + errors.size());
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                assertFalse(logged.contains(secret.getValue()), secret.getKey() + " appears in the log");
                for (HttpReply error : errors) {
                    assertFalse(error.body().contains(secret.getValue()), secret.getKey() + " appears in the error " + error);
                }
            }
        } finally {
            googleApi.stop(0);
        }
    }
}
