package io.scimgate.core.google;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sync settings and schedule of one Google directory, as stored; no credential in it.
 *
 * @param credentialStorage {@code encrypted} (the key is sealed in the store) or {@code file}
 * @param keyFile the key file's path when {@code credentialStorage} is {@code file}
 * @param syncing whether a sync holds the directory's lease right now
 */
public record GoogleDirectoryConfig(
        String directoryId,
        String customer,
        String adminEmail,
        String serviceAccountEmail,
        String keyId,
        String credentialStorage,
        String keyFile,
        List<String> groups,
        Duration syncInterval,
        Instant nextSyncAt,
        Instant syncRequestedAt,
        boolean syncing,
        Instant createdAt,
        Instant updatedAt) {
}
