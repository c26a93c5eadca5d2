package io.scimgate.core.directory;

import java.time.Instant;

/** A group of a directory as stored; {@code version} grows with every change, members included. */
public record DirectoryGroup(
        String id,
        String directoryId,
        long seq,
        String displayName,
        String externalId,
        String attributes,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
