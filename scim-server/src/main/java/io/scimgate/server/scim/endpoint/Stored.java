package io.scimgate.server.scim.endpoint;

/** The outcome of a write: the resource as the response shows it (null for none), its version and URL. */
public record Stored<T>(T resource, long version, String location) {
}
