package io.scimgate.core.google;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.store.schema.Tables;
import io.scimgate.core.testing.google.TestServiceAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCIMGATE_SECRET_KEY rotation: a stored service-account key survives a new key, and re-sealing lets the old one go. */
class SecretKeyRotationTest {

    private static final String OLD_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String NEW_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    private final GoogleSyncHarness google = new GoogleSyncHarness();

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void afterResealingTheNewKeyAloneOpensWhatTheOldKeySealed() {
        google.configure();
        String sealedWithOld = credential();
        assertTrue(sealedWithOld.startsWith("v1:" + SecretBox.fromBase64(OLD_KEY).keyId() + ":"));

        ProvisioningCore rotated = coreWith(NEW_KEY + "," + OLD_KEY);
        assertEquals(TestServiceAccount.CLIENT_EMAIL, rotated.google().directories().key(google.directoryId).clientEmail(),
                "the old key still opens while it is listed");
        assertEquals(1, rotated.storedSecrets().resealWithNewestKey());
        assertEquals(0, rotated.storedSecrets().resealWithNewestKey(), "nothing is left to re-seal");

        assertTrue(credential().startsWith("v1:" + SecretBox.fromBase64(NEW_KEY).keyId() + ":"), credential());
        assertEquals(TestServiceAccount.CLIENT_EMAIL,
                coreWith(NEW_KEY).google().directories().key(google.directoryId).clientEmail());
        assertEquals(ErrorCode.SECRET_UNREADABLE, assertThrows(ScimgateException.class,
                () -> coreWith(OLD_KEY).google().directories().key(google.directoryId)).code());
    }

    @Test
    void resealingWithoutAnyKeyConfiguredIsRefused() {
        ScimgateException e = assertThrows(ScimgateException.class,
                () -> ProvisioningCore.builder().dataSource(CoreInternals.database(google.core()).dataSource()).build()
                        .storedSecrets().resealWithNewestKey());
        assertEquals(ErrorCode.SECRET_KEY_NOT_CONFIGURED, e.code());
    }

    private ProvisioningCore coreWith(String keys) {
        return ProvisioningCore.builder().dataSource(CoreInternals.database(google.core()).dataSource())
                .secretBox(SecretBox.fromBase64(keys)).build();
    }

    private String credential() {
        return CoreInternals.database(google.core()).dsl().select(Tables.GOOGLE_DIRECTORY.CREDENTIAL).from(Tables.GOOGLE_DIRECTORY)
                .fetchSingle().value1();
    }
}
