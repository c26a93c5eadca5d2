package io.scimgate.core.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.io.IOException;

/**
 * A Google service-account key, as in the JSON file the Cloud console hands out, checked when it is
 * given (not at the first sync) and turned into the auth library's {@link ServiceAccountCredentials}.
 * Only {@code client_email}, {@code private_key_id} and {@code private_key} are required; other
 * fields, {@code token_uri} included, are ignored (where Google is comes from {@link GoogleOptions}).
 * Nothing of the key reaches a message or {@link #toString()}: errors say what is wrong, never what
 * was sent.
 */
public final class ServiceAccountKey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";

    private final ServiceAccountCredentials credentials;
    private final String json;

    private ServiceAccountKey(ServiceAccountCredentials credentials, String json) {
        this.credentials = credentials;
        this.json = json;
    }

    public static ServiceAccountKey parse(String json) {
        JsonNode key;
        try {
            key = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw invalid("it is not JSON");
        }
        if (key == null || !key.isObject()) {
            throw invalid("it is not a JSON object");
        }
        if (!"service_account".equals(key.path("type").asText())) {
            throw invalid("its \"type\" is not \"service_account\"");
        }
        ServiceAccountCredentials.Builder credentials = ServiceAccountCredentials.newBuilder()
                .setClientEmail(text(key, "client_email"))
                .setPrivateKeyId(text(key, "private_key_id"))
                .setClientId(key.path("client_id").asText(null))
                .setProjectId(key.path("project_id").asText(null));
        setPrivateKey(credentials, text(key, "private_key"));
        return new ServiceAccountKey(credentials.build(), json);
    }

    /** The service account's e-mail address: the JWT issuer. */
    public String clientEmail() {
        return credentials.getClientEmail();
    }

    /** Which of the service account's keys this is ({@code kid} of the JWT). Not a secret. */
    public String keyId() {
        return credentials.getPrivateKeyId();
    }

    /** The key as the auth library's credentials: not yet scoped, delegated or pointed at a token endpoint. */
    ServiceAccountCredentials credentials() {
        return credentials;
    }

    /** The key file as given, to be sealed before it is stored. */
    String json() {
        return json;
    }

    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail() + ", keyId=" + keyId() + "]";
    }

    private static void setPrivateKey(ServiceAccountCredentials.Builder credentials, String pem) {
        String notAKey = "its \"private_key\" is not a PEM PKCS#8 RSA private key";
        if (!pem.contains(PEM_BEGIN)) {
            throw invalid(notAKey);
        }
        try {
            credentials.setPrivateKeyString(pem);
        } catch (IOException | RuntimeException e) {
            // The library's message may quote the key: only the fact that it is unusable is passed on.
            throw invalid(notAKey);
        }
    }

    private static String text(JsonNode key, String field) {
        JsonNode value = key.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid("it has no \"" + field + "\"");
        }
        return value.asText().trim();
    }

    private static ScimgateException invalid(String why) {
        return new ScimgateException(ErrorCode.INVALID_SERVICE_ACCOUNT_KEY,
                "The service account key is not usable: " + why + " (download a JSON key of the service account)");
    }
}
