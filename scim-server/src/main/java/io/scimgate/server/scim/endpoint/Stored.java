package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The outcome of a write: the resource document as the response shows it (null for none), its version and URL. */
public record Stored(ObjectNode resource, long version, String location) {
}
