package io.scimgate.core.testing.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

/**
 * A Google service account as a test knows it: the JSON key file an operator downloads, and the
 * public half the fake token endpoint verifies signatures with. RSA keys are slow to make, so one
 * pair per JVM is shared (and a second one for "signed with the wrong key").
 */
public final class TestServiceAccount {

    public static final String CLIENT_EMAIL = "scimgate-sync@fake-project.iam.gserviceaccount.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair main;
    private static KeyPair other;

    private final KeyPair keys;
    private final String keyId;

    private TestServiceAccount(KeyPair keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId;
    }

    public static synchronized TestServiceAccount create() {
        if (main == null) {
            main = generate();
        }
        return new TestServiceAccount(main, keyIdFor(1));
    }

    /** The same account name with a key Google never saw: its signatures do not verify. */
    public static synchronized TestServiceAccount withUnknownKey() {
        if (other == null) {
            other = generate();
        }
        return new TestServiceAccount(other, keyIdFor(2));
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String keyId() {
        return keyId;
    }

    /** The private key as the PEM text inside the key file: what must never leak. */
    public String privateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** A base64 run from the middle of the private key, to look for in logs and answers. */
    public String privateKeyFragment() {
        String encoded = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        return encoded.substring(200, 240);
    }

    /** The key file, as the Cloud console downloads it. */
    public String keyJson() {
        return JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", "fake-project")
                .put("private_key_id", keyId)
                .put("private_key", privateKeyPem())
                .put("client_email", CLIENT_EMAIL)
                .put("client_id", "109876543210987654321")
                .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                .put("token_uri", "https://oauth2.googleapis.com/token")
                .toString();
    }

    private static String keyIdFor(long seed) {
        byte[] bytes = new byte[20];
        new Random(seed).nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
