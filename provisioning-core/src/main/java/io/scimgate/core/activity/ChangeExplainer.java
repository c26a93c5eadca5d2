package io.scimgate.core.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.provisioning.ProvisioningState;
import io.scimgate.core.provisioning.ProvisioningStatus;
import io.scimgate.core.store.PendingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns what a request changed (its committed events) into the provisioning log's compact
 * {@code changes} and a {@code reason} an operator can act on, following the rules of RULES.md
 * (P9–P22). The rules decide membership status from the domain alone, so the events say why.
 */
final class ChangeExplainer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A bulk request can change thousands of records: the line keeps the first ones and counts the rest. */
    static final int MAX_CHANGES = 100;
    /** Characters of JSON the kept changes may take, well inside the column; see V80__provisioning_log.sql. */
    static final int MAX_CHANGES_SIZE = 60_000;
    /** Fields too large or too internal for a log line; {@code previousAttributes} becomes {@code changedAttributes}. */
    private static final Set<String> DROPPED = Set.of("attributes", "previousAttributes", "createdAt", "updatedAt",
            "acceptedAt", "revokedAt", "directoryId");

    private final Function<String, String> organizationName;
    private final BiFunction<String, String, Optional<ProvisioningStatus>> provisioningStatus;

    /**
     * @param organizationName the name of an organization by id
     * @param provisioningStatus the provisioning status of a directory user (directory id, directory user id) now
     */
    ChangeExplainer(Function<String, String> organizationName,
            BiFunction<String, String, Optional<ProvisioningStatus>> provisioningStatus) {
        this.organizationName = organizationName;
        Map<List<String>, Optional<ProvisioningStatus>> known = new HashMap<>();
        // reason() and outcomes() both ask about the same directory users: read each once.
        this.provisioningStatus = (directoryId, directoryUserId) -> known.computeIfAbsent(
                List.of(directoryId, directoryUserId), key -> provisioningStatus.apply(directoryId, directoryUserId));
    }

    ArrayNode changes(List<PendingEvent> events) {
        ArrayNode changes = JSON.createArrayNode();
        int size = 0;
        for (PendingEvent event : events) {
            ObjectNode change = compact(event);
            size += change.toString().length();
            if (changes.size() == MAX_CHANGES || size > MAX_CHANGES_SIZE) {
                int omitted = events.size() - changes.size();
                changes.addObject().put("event", "omitted").put("count", omitted);
                break;
            }
            changes.add(change);
        }
        return changes;
    }

    private static ObjectNode compact(PendingEvent event) {
        ObjectNode change = JSON.createObjectNode().put("event", event.type());
        ObjectNode data = event.data();
        Iterator<String> names = data.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!DROPPED.contains(name)) {
                change.set(name, data.get(name));
            }
        }
        JsonNode previous = data.get("previousAttributes");
        if (previous != null && previous.isObject()) {
            ArrayNode changed = change.putArray("changedAttributes");
            previous.fieldNames().forEachRemaining(changed::add);
        }
        return change;
    }

    /**
     * What the request did to people, one outcome per person it provisioned, deprovisioned or left
     * waiting, in the order of its events: from the membership events (RULES.md P12–P14, P19, P20)
     * and, for a new directory user that changed no membership, from its provisioning state now
     * (linked to an existing member, RULES.md P15, or a duplicate e-mail, RULES.md P10).
     */
    List<ProvisioningOutcome> outcomes(LoggedRequest request) {
        List<PendingEvent> events = request.changes();
        Set<String> createdUsers = new HashSet<>();
        Set<String> membersChanged = new HashSet<>();
        for (PendingEvent event : events) {
            if (event.type().equals("user.created")) {
                createdUsers.add(event.data().path("id").asText());
            } else if (event.type().startsWith("organization_membership.")) {
                membersChanged.add(event.data().path("userId").asText());
            }
        }
        List<ProvisioningOutcome> outcomes = new ArrayList<>();
        for (PendingEvent event : events) {
            JsonNode data = event.data();
            String status = data.path("status").asText();
            switch (event.type()) {
                case "organization_membership.created" -> {
                    if (status.equals("pending")) {
                        outcomes.add(ProvisioningOutcome.PENDING);
                    } else if (status.equals("active")) {
                        outcomes.add(createdUsers.contains(data.path("userId").asText())
                                ? ProvisioningOutcome.CREATED : ProvisioningOutcome.LINKED);
                    }
                }
                case "organization_membership.updated" -> {
                    String before = data.path("previousAttributes").path("status").asText("");
                    if (before.equals("active") && status.equals("inactive")) {
                        outcomes.add(ProvisioningOutcome.DEPROVISIONED);
                    } else if (before.equals("inactive") && status.equals("active")) {
                        outcomes.add(ProvisioningOutcome.REPROVISIONED);
                    }
                }
                case "organization_membership.deleted" -> outcomes.add(ProvisioningOutcome.DEPROVISIONED);
                case "dsync.user.created" -> provisioningStatus.apply(request.directoryId(), data.path("id").asText())
                        .flatMap(now -> unchangedMembershipOutcome(now, membersChanged))
                        .ifPresent(outcomes::add);
                default -> {
                }
            }
        }
        return outcomes;
    }

    private static Optional<ProvisioningOutcome> unchangedMembershipOutcome(ProvisioningStatus status, Set<String> membersChanged) {
        if (status.state() == ProvisioningState.DUPLICATE_EMAIL) {
            return Optional.of(ProvisioningOutcome.DUPLICATE);
        }
        if (status.state() == ProvisioningState.PROVISIONED && status.userId() != null
                && !membersChanged.contains(status.userId())) {
            return Optional.of(ProvisioningOutcome.LINKED);
        }
        return Optional.empty();
    }

    String reason(LoggedRequest request) {
        List<String> reasons = new ArrayList<>();
        List<PendingEvent> events = request.changes();
        for (PendingEvent event : events) {
            if (event.type().startsWith("organization_membership.")) {
                reasons.add(membershipReason(event, events));
            }
        }
        if (reasons.isEmpty()) {
            directoryUserReason(request.directoryId(), events).ifPresent(reasons::add);
        }
        if (reasons.isEmpty()) {
            groupReason(events).ifPresent(reasons::add);
        }
        if (request.failed() && request.errorDetail() != null) {
            reasons.add(0, "refused: " + request.errorDetail());
        }
        Set<String> distinct = new LinkedHashSet<>(reasons);
        return distinct.isEmpty() ? (request.failed() ? "refused" : "nothing changed") : String.join("; ", distinct);
    }

    private String membershipReason(PendingEvent event, List<PendingEvent> events) {
        JsonNode membership = event.data();
        String organization = organizationName.apply(event.organizationId());
        String status = membership.path("status").asText();
        String email = emailOf(membership.path("userId").asText(), events);
        String domain = email == null ? "of the e-mail" : email.substring(email.indexOf('@') + 1);
        return switch (event.type()) {
            case "organization_membership.created" -> status.equals("active")
                    ? "active member of " + organization + ": domain " + domain + " is verified (RULES.md P13)"
                    : status + ": domain " + domain + " not verified for " + organization
                            + (has(events, "invitation.created") ? "; invited (RULES.md P14)" : " (RULES.md P14)");
            case "organization_membership.deleted" -> "pending membership of " + (email == null ? "the person" : email)
                    + " in " + organization + " removed, invitation revoked (RULES.md P19)";
            default -> switch (status) {
                case "inactive" -> "deprovisioned from " + organization
                        + ": inactive or deleted in the identity provider (RULES.md P19)";
                case "active" -> has(events, "dsync.group.user_added") || has(events, "dsync.group.user_removed")
                        ? "role in " + organization + " is now " + membership.path("role").asText() + " (RULES.md P22)"
                        : "active again in " + organization + " as " + membership.path("role").asText() + " (RULES.md P20)";
                default -> "membership in " + organization + " is now " + status;
            };
        };
    }

    /** Why a directory user that changed did nothing to memberships. */
    private Optional<String> directoryUserReason(String directoryId, List<PendingEvent> events) {
        for (PendingEvent event : events) {
            if (!event.type().startsWith("dsync.user.")) {
                continue;
            }
            JsonNode user = event.data();
            if (event.type().equals("dsync.user.deleted")) {
                return Optional.of("directory user " + user.path("userName").asText()
                        + " deleted; no active membership depended on it alone (RULES.md P19)");
            }
            if (!user.path("active").asBoolean(true)) {
                return Optional.of("not provisioned: inactive in the identity provider (RULES.md P11)");
            }
            Optional<ProvisioningStatus> status = provisioningStatus.apply(directoryId, user.path("id").asText());
            if (status.isPresent() && status.get().state() == ProvisioningState.MISSING_EMAIL) {
                return Optional.of("not provisioned: " + detail(status.get(), "no usable e-mail") + " (RULES.md P9)");
            }
            if (status.isPresent() && status.get().state() == ProvisioningState.DUPLICATE_EMAIL) {
                return Optional.of("not provisioned: " + detail(status.get(), "another user of the directory has this e-mail")
                        + " (RULES.md P10)");
            }
            if (has(events, "user.updated")) {
                return Optional.of("User's name updated: the domain of the User's e-mail is verified (RULES.md P17)");
            }
            return Optional.of(event.type().equals("dsync.user.created")
                    ? "linked to an existing member; membership unchanged (RULES.md P15)"
                    : "directory user updated; the User and membership stay as they are (RULES.md P16, P17)");
        }
        return Optional.empty();
    }

    private static Optional<String> groupReason(List<PendingEvent> events) {
        long added = events.stream().filter(e -> e.type().equals("dsync.group.user_added")).count();
        long removed = events.stream().filter(e -> e.type().equals("dsync.group.user_removed")).count();
        Optional<PendingEvent> group = events.stream().filter(e -> e.type().startsWith("dsync.group.")).findFirst();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        JsonNode data = group.get().data();
        // Member events carry the group as the admin API shows it ({id, name, …}); group events carry its SCIM displayName.
        String name = data.has("group") ? data.path("group").path("name").asText() : data.path("displayName").asText();
        String what = switch (group.get().type()) {
            case "dsync.group.created" -> "created";
            case "dsync.group.deleted" -> "deleted";
            default -> "changed";
        };
        return Optional.of("group " + name + " " + what + (added + removed > 0
                ? ": " + added + " member(s) added, " + removed + " removed; no role changed (RULES.md P22)" : ""));
    }

    private static String detail(ProvisioningStatus status, String fallback) {
        return status.detail() == null || status.detail().isBlank() ? fallback : status.detail();
    }

    private static boolean has(List<PendingEvent> events, String type) {
        return events.stream().anyMatch(event -> event.type().equals(type));
    }

    /** The e-mail of a User as the request's events name it. */
    private static String emailOf(String userId, List<PendingEvent> events) {
        for (PendingEvent event : events) {
            JsonNode data = event.data();
            if ((event.type().startsWith("user.") && userId.equals(data.path("id").asText()))
                    || (event.type().startsWith("invitation.") && userId.equals(data.path("userId").asText()))) {
                String email = data.path("email").asText(null);
                if (email != null) {
                    return email;
                }
            }
        }
        for (PendingEvent event : events) {
            if (event.type().startsWith("dsync.user.") && event.data().hasNonNull("primaryEmail")) {
                return event.data().path("primaryEmail").asText();
            }
        }
        return null;
    }
}
