package io.scimgate.core.events;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every event type the feed carries (RULES.md P25), so that a subscription or a filter naming a type
 * that never occurs is refused instead of silently receiving nothing. A new event type is added here.
 */
public final class EventTypes {

    public static final Set<String> ALL = Set.copyOf(new TreeSet<>(List.of(
            "dsync.activated",
            "dsync.deleted",
            "dsync.group.created",
            "dsync.group.deleted",
            "dsync.group.updated",
            "dsync.group.user_added",
            "dsync.group.user_removed",
            "dsync.user.created",
            "dsync.user.deleted",
            "dsync.user.updated",
            "invitation.accepted",
            "invitation.created",
            "invitation.resent",
            "invitation.revoked",
            "organization.created",
            "organization.updated",
            "organization_domain.verified",
            "organization_domain.verification_failed",
            "organization_membership.created",
            "organization_membership.deleted",
            "organization_membership.updated",
            "user.created",
            "user.updated")));

    private EventTypes() {
    }

    /** The names among {@code types} that are not event types, in the order given. */
    public static Set<String> unknown(Collection<String> types) {
        Set<String> unknown = new LinkedHashSet<>(types);
        unknown.removeAll(ALL);
        return unknown;
    }
}
