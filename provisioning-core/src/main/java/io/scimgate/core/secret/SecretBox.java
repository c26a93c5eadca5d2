package io.scimgate.core.secret;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the store (AES-256-GCM, a random 96-bit nonce per message).
 * A sealed value is {@code v1:<key id>:<base64(nonce | ciphertext | tag)>}; the key id (the first
 * bytes of the key's SHA-256) picks the key that opens it, and lets a missing key be reported as
 * such instead of as corrupt data. The context (for example the directory id) is bound as
 * associated data, so a sealed value copied to another row does not open there.
 *
 * <p>A box holds one or more keys so that keys can be rotated: the first (newest) seals, every one
 * opens. Rotation is: put a new key first and keep the old one after it, re-seal what is stored
 * ({@link #needsResealing}, {@link #reseal}), then drop the old key.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The keys by id, the sealing key first. */
    private final Map<String, SecretKeySpec> keys;
    private final String keyId;

    private SecretBox(Map<String, SecretKeySpec> keys) {
        this.keys = keys;
        this.keyId = keys.keySet().iterator().next();
    }

    /**
     * A box on one or more 256-bit keys given in base64 (standard or URL-safe), such as
     * {@code openssl rand -base64 32} prints, separated by commas: the first seals, all open.
     */
    public static SecretBox fromBase64(String encodedKeys) {
        String[] encoded = encodedKeys.trim().split("\\s*,\\s*");
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (int i = 0; i < encoded.length; i++) {
            String which = encoded.length == 1 ? "The secret key" : "Secret key " + (i + 1) + " of " + encoded.length;
            byte[] key = decode(encoded[i], which);
            keys.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
        }
        return new SecretBox(Collections.unmodifiableMap(keys));
    }

    private static byte[] decode(String encodedKey, String which) {
        byte[] key;
        try {
            key = encodedKey.contains("-") || encodedKey.contains("_")
                    ? Base64.getUrlDecoder().decode(encodedKey)
                    : Base64.getDecoder().decode(encodedKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(which + " must be " + KEY_BYTES + " bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        return key;
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(keys.get(keyId), Cipher.ENCRYPT_MODE, nonce, context);
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
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw unreadable("it was encrypted with another SCIMGATE_SECRET_KEY (key id " + parts[1] + ", the configured "
                    + (keys.size() == 1 ? "one is " : "ones are ") + String.join(", ", keys.keySet()) + ")");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw unreadable("it is truncated");
            }
            Cipher cipher = cipher(key, Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), context);
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

    /** True when {@code sealedValue} was not sealed with the newest key, so that {@link #reseal} should be applied before the older key is dropped. */
    public boolean needsResealing(String sealedValue) {
        return !sealedValue.startsWith(VERSION + ":" + keyId + ":");
    }

    /** Opens {@code sealedValue} with whichever configured key sealed it and seals it again with the newest. */
    public String reseal(String sealedValue, String context) {
        return seal(open(sealedValue, context), context);
    }

    /** The id of the key that seals. */
    public String keyId() {
        return keyId;
    }

    /** The ids of every key that opens, the sealing one first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    @Override
    public String toString() {
        return "SecretBox[keyIds=" + keys.keySet() + "]";
    }

    private static Cipher cipher(SecretKeySpec key, int mode, byte[] nonce, String context) throws GeneralSecurityException {
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
        return new ScimgateException(ErrorCode.SECRET_UNREADABLE, "A stored secret cannot be decrypted: " + why);
    }
}
