package io.scimgate.core.directory;

import java.time.Instant;

/** A directory bearer token as issued: the plain {@code token} exists only in this value. */
public record IssuedToken(String id, String directoryId, String token, Instant createdAt) {
}
