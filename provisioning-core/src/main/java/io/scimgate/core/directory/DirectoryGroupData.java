package io.scimgate.core.directory;

/**
 * What a directory says about one of its groups, members aside: the attributes the core reads
 * or filters on, plus {@code attributes}, the whole group document (without members) as sent.
 */
public record DirectoryGroupData(String displayName, String externalId, String attributes) {
}
