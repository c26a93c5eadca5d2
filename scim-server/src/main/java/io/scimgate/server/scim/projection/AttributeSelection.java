package io.scimgate.server.scim.projection;

import io.scimgate.server.scim.ScimProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.patch.PatchOperationPath;

/**
 * The {@code attributes} and {@code excludedAttributes} of a read (RFC 7644 §3.9): attribute paths
 * such as {@code userName}, {@code name.givenName}, an extension URN or one of its attributes, and
 * value paths such as {@code emails[type eq "work"].value}.
 */
public record AttributeSelection(List<Selector> attributes, List<Selector> excluded) {

    public static final AttributeSelection DEFAULT = new AttributeSelection(List.of(), List.of());

    /** One requested path: its text as sent, and its parsed form. */
    public record Selector(String text, ValuePathExpression path) {
    }

    /** From the comma-separated query parameters; either may be null. */
    public static AttributeSelection parse(String attributes, String excluded) {
        return of(split(attributes), split(excluded));
    }

    public static AttributeSelection of(Collection<String> attributes, Collection<String> excluded) {
        return new AttributeSelection(selectors(attributes), selectors(excluded));
    }

    public boolean isDefault() {
        return attributes.isEmpty() && excluded.isEmpty();
    }

    /**
     * Whether a response will hold anything of the attribute named {@code name} (a core attribute
     * returned by default, such as a group's members): lets a repository skip reading it.
     */
    public boolean mayReturn(String name) {
        if (!attributes.isEmpty()) {
            return attributes.stream().anyMatch(selector -> isAttribute(selector, name));
        }
        return excluded.stream().noneMatch(selector -> isAttribute(selector, name)
                && selector.path().getAttributePath().getSubAttributeName() == null
                && selector.path().getAttributeExpression() == null);
    }

    private static boolean isAttribute(Selector selector, String name) {
        return selector.path().getAttributePath().getAttributeName().equalsIgnoreCase(name)
                && (selector.path().getAttributePath().getUrn() == null
                || !selector.path().getAttributePath().getUrn().toLowerCase(Locale.ROOT).contains("extension"));
    }

    private static List<Selector> selectors(Collection<String> texts) {
        List<Selector> selectors = new ArrayList<>();
        for (String text : texts) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                selectors.add(new Selector(trimmed, PatchOperationPath.fromString(trimmed).getValuePathExpression()));
            } catch (FilterParseException | IllegalStateException e) {
                throw ScimProblem.invalidValue("'" + trimmed + "' is not an attribute path");
            }
        }
        return List.copyOf(selectors);
    }

    /** Splits on commas that are not inside a value-path filter or a quoted value. */
    static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        if (list == null) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"' && (i == 0 || list.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                depth++;
            } else if (!quoted && c == ']') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
