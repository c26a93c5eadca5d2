package io.scimgate.core.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** The data of {@code dsync.user.*} events, and what counts as a change (P16). */
final class DirectoryUserEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DirectoryUserEvents() {
    }

    static ObjectNode data(DirectoryUser user) {
        ObjectNode data = Events.data()
                .put("directoryId", user.directoryId())
                .put("id", user.id())
                .put("userName", user.userName())
                .put("externalId", user.externalId())
                .put("active", user.active())
                .put("primaryEmail", user.primaryEmail())
                .put("firstName", user.givenName())
                .put("lastName", user.familyName());
        data.set("attributes", document(user.attributes()));
        data.set("customAttributes", document(user.customAttributes()));
        return data;
    }

    /** A user whose custom attributes changed with its directory's mapping (P27), with their previous values. */
    static ObjectNode customAttributesData(DirectoryUser before, DirectoryUser after) {
        ObjectNode data = data(after);
        data.putObject("previousAttributes").set("customAttributes", document(before.customAttributes()));
        return data;
    }

    /** The user now, with {@code previousAttributes}: the earlier value of every top-level attribute that changed. */
    static ObjectNode updateData(DirectoryUser before, DirectoryUser after) {
        ObjectNode data = data(after);
        ObjectNode previous = data.putObject("previousAttributes");
        JsonNode old = document(before.attributes());
        JsonNode now = document(after.attributes());
        Set<String> names = new LinkedHashSet<>();
        old.fieldNames().forEachRemaining(names::add);
        now.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode was = old.path(name);
            if (!was.equals(now.path(name))) {
                previous.set(name, was.isMissingNode() ? NullNode.instance : was);
            }
        }
        if (before.active() != after.active() && !previous.has("active")) {
            previous.put("active", before.active());
        }
        if (!Objects.equals(before.customAttributes(), after.customAttributes())) {
            previous.set("customAttributes", document(before.customAttributes()));
        }
        return data;
    }

    static boolean unchanged(DirectoryUser stored, DirectoryUserData data) {
        return Objects.equals(stored.userName(), data.userName())
                && Objects.equals(stored.externalId(), data.externalId())
                && stored.active() == data.active()
                && Objects.equals(stored.displayName(), data.displayName())
                && Objects.equals(stored.givenName(), data.givenName())
                && Objects.equals(stored.familyName(), data.familyName())
                && Objects.equals(stored.primaryEmail(), PrimaryEmail.of(data.emails(), data.userName()).orElse(null))
                && Objects.equals(stored.title(), data.title())
                && Objects.equals(stored.employeeNumber(), data.employeeNumber())
                && Objects.equals(stored.department(), data.department())
                && Objects.equals(stored.attributes(), data.attributes());
    }

    private static JsonNode document(String attributes) {
        if (attributes == null) {
            return Events.data();
        }
        try {
            JsonNode node = JSON.readTree(attributes);
            return node == null ? Events.data() : node;
        } catch (JsonProcessingException e) {
            return Events.data().put("unreadable", true);
        }
    }
}
