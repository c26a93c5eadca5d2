package io.scimgate.core.secret;

import static io.scimgate.core.store.schema.Tables.GOOGLE_DIRECTORY;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.store.internal.Database;
import java.util.List;

/**
 * Every secret the store keeps sealed, in one place: what re-sealing after a key rotation walks
 * through. Today that is the service-account key of each Google directory stored encrypted
 * ({@code google_directory.credential}, bound to {@link #googleKeyContext}).
 */
public final class StoredSecrets {

    /** {@code google_directory.credential_storage} of a key sealed in the store (the other value is {@code file}). */
    public static final String ENCRYPTED = "encrypted";

    private final Database database;
    private final SecretBox box;

    /** @param box the configured keys, or null when none is configured */
    public StoredSecrets(Database database, SecretBox box) {
        this.database = database;
        this.box = box;
    }

    /** The associated data of a Google directory's sealed key: copied into another directory's row, it does not open. */
    public static String googleKeyContext(String directoryId) {
        return "google_directory:" + directoryId;
    }

    /**
     * Seals again with the newest key every stored secret that an older key sealed, each in its
     * own transaction; after it, the older keys can be dropped from {@code SCIMGATE_SECRET_KEY}.
     *
     * @return how many secrets were re-sealed
     * @throws ScimgateException {@code secret_unreadable} when a secret was sealed with a key that is not configured
     */
    public int resealWithNewestKey() {
        if (box == null) {
            throw new ScimgateException(ErrorCode.SECRET_KEY_NOT_CONFIGURED, "No SCIMGATE_SECRET_KEY is configured to re-seal with");
        }
        List<String> directoryIds = database.dsl().select(GOOGLE_DIRECTORY.DIRECTORY_ID).from(GOOGLE_DIRECTORY)
                .where(GOOGLE_DIRECTORY.CREDENTIAL_STORAGE.eq(ENCRYPTED))
                .fetch(GOOGLE_DIRECTORY.DIRECTORY_ID);
        int resealed = 0;
        for (String directoryId : directoryIds) {
            resealed += database.transaction(tx -> tx.dsl().selectFrom(GOOGLE_DIRECTORY)
                    .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId), GOOGLE_DIRECTORY.CREDENTIAL_STORAGE.eq(ENCRYPTED))
                    .forUpdate()
                    .fetchOptional()
                    .filter(row -> box.needsResealing(row.getCredential()))
                    .map(row -> {
                        row.setCredential(box.reseal(row.getCredential(), googleKeyContext(directoryId)));
                        return row.update();
                    })
                    .orElse(0));
        }
        return resealed;
    }
}
