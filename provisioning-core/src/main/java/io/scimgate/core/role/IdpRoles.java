package io.scimgate.core.role;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.scimgate.core.attributemapping.ScimDocument;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The role values a directory sends in a user's SCIM {@code roles} attribute (RULES.md P28), in
 * the order they count: those marked primary first (Entra sends an app-role assignment as
 * {@code roles[primary eq "True"].value}), then the others as sent (Okta sends the ids of the
 * {@code /Roles} it discovered). A value names a role when it equals a slug of the catalogue,
 * ignoring case and surrounding spaces; other values are kept as sent and reported.
 */
public final class IdpRoles {

    /** At most this many values are kept per user: enough for any real assignment, bounded for a hostile one. */
    static final int MAX_VALUES = 20;
    private static final int MAX_VALUE_LENGTH = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdpRoles() {
    }

    /** The role values of a stored SCIM user document, primary ones first; empty when it has none. */
    public static List<String> of(JsonNode document) {
        JsonNode roles = ScimDocument.field(document, "roles");
        if (roles == null || roles.isNull()) {
            return List.of();
        }
        List<String> primary = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode role : roles.isArray() ? roles : List.of(roles)) {
            String value = valueOf(role);
            if (value == null) {
                continue;
            }
            (isPrimary(role) ? primary : others).add(value);
        }
        Set<String> ordered = new LinkedHashSet<>(primary);
        ordered.addAll(others);
        return ordered.stream().limit(MAX_VALUES).toList();
    }

    /** The role of {@code catalogue} the values name, the first that names one. */
    public static Optional<String> chosen(List<String> values, Set<String> catalogue) {
        return values.stream().map(IdpRoles::slugOf).filter(catalogue::contains).findFirst();
    }

    /** The values that name no role of {@code catalogue}, as sent. */
    public static List<String> unknown(List<String> values, Set<String> catalogue) {
        return values.stream().filter(value -> !catalogue.contains(slugOf(value))).toList();
    }

    /** The stored form: a JSON array of strings, or null for none. */
    public static String toColumn(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> fromColumn(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            List<String> values = new ArrayList<>();
            JSON.readTree(column).forEach(value -> values.add(value.asText()));
            return List.copyOf(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slugOf(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static String valueOf(JsonNode role) {
        JsonNode value = role.isObject() ? ScimDocument.field(role, "value") : role;
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText();
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) : text;
    }

    private static boolean isPrimary(JsonNode role) {
        JsonNode primary = role.isObject() ? ScimDocument.field(role, "primary") : null;
        return primary != null && (primary.asBoolean(false) || "true".equalsIgnoreCase(primary.asText().trim()));
    }
}
