package io.scimgate.core.directory;

/** A directory user's or group's id, with the id its identity provider knows it by ({@code null} when none was sent). */
public record ExternalKey(String id, String externalId) {
}
