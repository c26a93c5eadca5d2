package io.scimgate.core.directory;

import java.time.Instant;

/** What is kept of a directory token: never the token itself. */
public record DirectoryToken(String id, String directoryId, Instant createdAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
