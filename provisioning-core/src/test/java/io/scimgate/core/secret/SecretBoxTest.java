package io.scimgate.core.secret;

import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private final SecretBox box = SecretBox.fromBase64(KEY);

    @Test
    void aSealedSecretOpensWithTheSameKeyAndContextOnly() {
        String sealed = box.seal("{\"private_key\":\"secret\"}", "google_directory:d1");

        assertTrue(sealed.startsWith("v1:" + box.keyId() + ":"), sealed);
        assertFalse(sealed.contains("secret"));
        assertEquals("{\"private_key\":\"secret\"}", box.open(sealed, "google_directory:d1"));
        assertEquals(ErrorCode.SECRET_UNREADABLE,
                assertThrows(ScimgateException.class, () -> box.open(sealed, "google_directory:d2")).code());
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertNotEquals(box.seal("same", "c"), box.seal("same", "c"));
    }

    @Test
    void anotherKeyIsNamedAsTheCauseNotCorruption() {
        String sealed = box.seal("secret", "c");
        ScimgateException wrongKey = assertThrows(ScimgateException.class, () -> SecretBox.fromBase64(OTHER_KEY).open(sealed, "c"));
        assertTrue(wrongKey.getMessage().contains("another SCIMGATE_SECRET_KEY"), wrongKey.getMessage());
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = box.seal("secret", "c");
        int payload = sealed.lastIndexOf(':') + 1;
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(payload));
        bytes[bytes.length / 2] ^= 1;
        String altered = sealed.substring(0, payload) + Base64.getEncoder().encodeToString(bytes);
        ScimgateException e = assertThrows(ScimgateException.class, () -> box.open(altered, "c"));
        assertTrue(e.getMessage().contains("altered"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "not base64 at all!, not valid base64",
            "c2hvcnQ=, must be 32 bytes"})
    void keysThatAreNotThirtyTwoBase64BytesAreRefused(String key, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretBox.fromBase64(key));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains(key), "the key itself is never echoed");
    }

    @Test
    void urlSafeBase64KeysWorkToo() {
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {-1, -2, -3, -4, -5, -6, -7, -8,
                -1, -2, -3, -4, -5, -6, -7, -8, -1, -2, -3, -4, -5, -6, -7, -8, -1, -2, -3, -4, -5, -6, -7, -8});
        SecretBox other = SecretBox.fromBase64(urlSafe);
        assertEquals("x", other.open(other.seal("x", "c"), "c"));
        assertFalse(other.toString().contains(urlSafe));
    }

    @Test
    void withSeveralKeysTheFirstSealsAndEveryOneOpens() {
        String sealedWithOld = box.seal("secret", "c");
        SecretBox rotated = SecretBox.fromBase64(OTHER_KEY + ", " + KEY);

        assertEquals("secret", rotated.open(sealedWithOld, "c"));
        String sealedWithNew = rotated.seal("secret", "c");
        assertTrue(sealedWithNew.startsWith("v1:" + SecretBox.fromBase64(OTHER_KEY).keyId() + ":"), sealedWithNew);
        assertEquals(List.of(SecretBox.fromBase64(OTHER_KEY).keyId(), box.keyId()), rotated.keyIds());
        assertEquals("secret", SecretBox.fromBase64(OTHER_KEY).open(sealedWithNew, "c"));
    }

    @Test
    void resealingMovesAValueToTheNewestKeySoTheOldOneCanBeDropped() {
        String sealedWithOld = box.seal("secret", "c");
        SecretBox rotated = SecretBox.fromBase64(OTHER_KEY + "," + KEY);

        assertTrue(rotated.needsResealing(sealedWithOld));
        String resealed = rotated.reseal(sealedWithOld, "c");
        assertFalse(rotated.needsResealing(resealed));
        assertEquals("secret", SecretBox.fromBase64(OTHER_KEY).open(resealed, "c"));
    }

    @Test
    void aValueSealedWithADroppedKeyNamesTheConfiguredKeys() {
        String sealed = box.seal("secret", "c");
        SecretBox other = SecretBox.fromBase64(OTHER_KEY);
        ScimgateException e = assertThrows(ScimgateException.class, () -> other.open(sealed, "c"));
        assertTrue(e.getMessage().contains(box.keyId()) && e.getMessage().contains(other.keyId()), e.getMessage());
    }

    @Test
    void aBadKeyAmongSeveralIsNamedByPositionNeverEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretBox.fromBase64(KEY + ",c2hvcnQ="));
        assertEquals("Secret key 2 of 2 must be 32 bytes (base64 of 32 random bytes), not 5", e.getMessage());
    }
}
