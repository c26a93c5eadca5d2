package io.scimgate.core.directory;

/** One entry of a directory user's {@code emails}, as the IdP sent it. */
public record EmailAddress(String value, String type, boolean primary) {
}
