package io.scimgate.core.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The signed JWT of the OAuth 2.0 JWT bearer grant (RFC 7523) Google expects from a service account
 * with domain-wide delegation: issued by the service account, for the admin it impersonates
 * ({@code sub}), for the token endpoint ({@code aud}), signed RS256 with the account's key.
 */
final class ServiceAccountAssertion {

    /** Google refuses assertions valid for longer than an hour. */
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ServiceAccountAssertion() {
    }

    static String sign(ServiceAccountKey key, String subject, List<String> scopes, String audience, Instant now) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", key.keyId());
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", key.clientEmail())
                .put("sub", subject)
                .put("scope", String.join(" ", scopes))
                .put("aud", audience)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the service account key: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String encode(ObjectNode part) {
        return BASE64URL.encodeToString(part.toString().getBytes(StandardCharsets.UTF_8));
    }
}
