package io.scimgate.core.secret;

import io.scimgate.core.ScimgateException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the store (AES-256-GCM, a random 96-bit nonce per message).
 * A sealed value is {@code v1:<key id>:<base64(nonce | ciphertext | tag)>}; the key id (the first
 * bytes of the key's SHA-256) lets a wrong key be reported as such instead of as corrupt data.
 * The context (for example the directory id) is bound as associated data, so a sealed value copied
 * to another row does not open there.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyId(key);
    }

    /** A box on a 256-bit key given in base64 (standard or URL-safe), such as {@code openssl rand -base64 32} prints. */
    public static SecretBox fromBase64(String encodedKey) {
        byte[] key;
        try {
            String trimmed = encodedKey.trim();
            key = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The secret key is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secret key must be " + KEY_BYTES + " bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        return new SecretBox(key);
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String open(String sealedValue, String context) {
        String[] parts = sealedValue.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw unreadable("it is not a value sealed by scimgate");
        }
        if (!parts[1].equals(keyId)) {
            throw unreadable("it was encrypted with another SCIMGATE_SECRET_KEY (key id " + parts[1] + ", this one is " + keyId + ")");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw unreadable("it is truncated");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), context);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw unreadable("it was altered or belongs to another record");
        } catch (IllegalArgumentException e) {
            throw unreadable("it is not valid base64");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "SecretBox[keyId=" + keyId + "]";
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static ScimgateException unreadable(String why) {
        return ScimgateException.invalid("secret_unreadable", "A stored secret cannot be decrypted: " + why);
    }
}
