package io.scimgate.core.organization;

/**
 * A role of an organization's catalogue (RULES.md P26): {@code slug} is what memberships,
 * group mappings and identity providers name; exactly one role of a catalogue is the default.
 */
public record Role(String slug, String name, boolean isDefault) {
}
