package io.scimgate.core.directory;

/**
 * A member of a directory group: a directory user of the same directory.
 *
 * @param sentDisplay the display name the IdP sent with the member, or null when it sent none
 */
public record GroupMember(String userId, String userName, String displayName, String sentDisplay) {
}
