package io.scimgate.core.directory;

/** A member of a directory group: a directory user of the same directory. */
public record GroupMember(String userId, String userName, String displayName) {
}
