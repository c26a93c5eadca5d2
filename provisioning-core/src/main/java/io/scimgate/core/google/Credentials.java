package io.scimgate.core.google;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.secret.StoredSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;

/**
 * Where a directory's service-account key lives: sealed in the store with the server's secret key,
 * or in a file on the server host that only its path points to. Without a secret key
 * ({@code SCIMGATE_SECRET_KEY}), keys can only be given by file: scimgate never stores one in clear.
 */
final class Credentials {

    static final String ENCRYPTED = StoredSecrets.ENCRYPTED;
    static final String FILE = "file";
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

    private final SecretBox box;

    /** @param box the server's secret box, or null when no secret key is configured */
    Credentials(SecretBox box) {
        this.box = box;
    }

    /** A key to store, with how: its sealed JSON, or its file's path. */
    record Stored(String storage, String value, ServiceAccountKey key) {
        @Override
        public String toString() {
            return "Stored[" + storage + ", " + key + "]";
        }
    }

    Stored fromJson(String directoryId, String keyJson) {
        if (box == null) {
            throw new ScimgateException(ErrorCode.SECRET_KEY_NOT_CONFIGURED,
                    "This server has no SCIMGATE_SECRET_KEY to encrypt the key with: set it, or give serviceAccountKeyFile instead");
        }
        ServiceAccountKey key = ServiceAccountKey.parse(keyJson);
        return new Stored(ENCRYPTED, box.seal(key.json(), context(directoryId)), key);
    }

    Stored fromFile(String keyFile) {
        return new Stored(FILE, keyFile, ServiceAccountKey.parse(readFile(keyFile)));
    }

    ServiceAccountKey load(String directoryId, String storage, String value) {
        if (FILE.equals(storage)) {
            return ServiceAccountKey.parse(readFile(value));
        }
        if (box == null) {
            throw new ScimgateException(ErrorCode.SECRET_KEY_NOT_CONFIGURED,
                    "The service account key is stored encrypted, but this server has no SCIMGATE_SECRET_KEY to decrypt it");
        }
        return ServiceAccountKey.parse(box.open(value, context(directoryId)));
    }

    private static String readFile(String keyFile) {
        Path path;
        try {
            path = Path.of(keyFile);
        } catch (InvalidPathException e) {
            throw unreadable(keyFile, "it is not a valid path");
        }
        if (!path.isAbsolute()) {
            throw unreadable(keyFile, "give an absolute path");
        }
        try {
            if (Files.size(path) > MAX_KEY_FILE_BYTES) {
                throw unreadable(keyFile, "it is larger than a key file can be");
            }
            return Files.readString(path);
        } catch (IOException e) {
            throw unreadable(keyFile, e.getClass().getSimpleName());
        }
    }

    /** Binds a sealed key to its directory: copied into another directory's row, it does not open. */
    private static String context(String directoryId) {
        return StoredSecrets.googleKeyContext(directoryId);
    }

    private static ScimgateException unreadable(String keyFile, String why) {
        return new ScimgateException(ErrorCode.UNREADABLE_KEY_FILE, "The key file " + keyFile + " cannot be read by the server: " + why);
    }
}
