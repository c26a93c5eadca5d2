package io.scimgate.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Scimgate-Signature} header: {@code t=<ms>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * Receivers recompute it over the raw body, compare in constant time, and reject old timestamps.
 */
public final class WebhookSignature {

    public static final String HEADER = "Scimgate-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampMillis, String body) {
        return "t=" + timestampMillis + ",v1=" + hmac(secret, timestampMillis + "." + body);
    }

    /** Whether {@code header} is a valid signature of {@code body} under {@code secret}. */
    public static boolean verify(String secret, String header, String body) {
        if (header == null) {
            return false;
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                timestamp = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signature = part.substring(3);
            }
        }
        if (timestamp == null || signature == null) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
