package io.scimgate.core.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A Google service-account key, as in the JSON file the Cloud console hands out. Only
 * {@code client_email}, {@code private_key_id} and {@code private_key} matter here. Nothing of the
 * key reaches a message or {@link #toString()}: errors say what is wrong, never what was sent.
 */
public final class ServiceAccountKey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final String clientEmail;
    private final String keyId;
    private final PrivateKey privateKey;
    private final String json;

    private ServiceAccountKey(String clientEmail, String keyId, PrivateKey privateKey, String json) {
        this.clientEmail = clientEmail;
        this.keyId = keyId;
        this.privateKey = privateKey;
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
        String clientEmail = text(key, "client_email");
        String keyId = text(key, "private_key_id");
        return new ServiceAccountKey(clientEmail, keyId, privateKey(text(key, "private_key")), json);
    }

    /** The service account's e-mail address: the JWT issuer. */
    public String clientEmail() {
        return clientEmail;
    }

    /** Which of the service account's keys this is ({@code kid} of the JWT). Not a secret. */
    public String keyId() {
        return keyId;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The key file as given, to be sealed before it is stored. */
    String json() {
        return json;
    }

    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + ", keyId=" + keyId + "]";
    }

    private static PrivateKey privateKey(String pem) {
        String body = pem.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
        if (!pem.contains(PEM_BEGIN) || body.isEmpty()) {
            throw invalid("its \"private_key\" is not a PEM PKCS#8 private key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw invalid("its \"private_key\" is not an RSA private key");
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
