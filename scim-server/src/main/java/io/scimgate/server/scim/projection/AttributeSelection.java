package io.scimgate.server.scim.projection;

import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.schema.SchemaPath;
import io.scimgate.server.scim.schema.SchemaPaths;
import io.scimgate.server.scim.schema.UnknownPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code attributes} and {@code excludedAttributes} of a read (RFC 7644 §3.9): attribute paths
 * such as {@code userName}, {@code name.givenName}, an extension URN or one of its attributes, and
 * value paths such as {@code emails[type eq "work"].value}, resolved by {@link SchemaPaths}. Names the
 * resource type does not have select nothing; text that is not a path is {@code 400 invalidValue}.
 * At most {@link #MAX_PATHS} paths.
 */
public record AttributeSelection(List<Selector> attributes, List<Selector> excluded) {

    public static final int MAX_PATHS = 200;

    public static final AttributeSelection DEFAULT = new AttributeSelection(List.of(), List.of());

    /** One requested path: its text as sent, and where it points (null when the resource type has no such attribute). */
    public record Selector(String text, SchemaPath path) {
    }

    /** From the comma-separated query parameters; either may be null. */
    public static AttributeSelection parse(String attributes, String excluded, SchemaPaths paths) {
        return of(split(attributes), split(excluded), paths);
    }

    public static AttributeSelection of(Collection<String> attributes, Collection<String> excluded, SchemaPaths paths) {
        if (attributes.size() + excluded.size() > MAX_PATHS) {
            throw ScimProblem.invalidValue("attributes and excludedAttributes name at most " + MAX_PATHS
                    + " attribute paths together; these name " + (attributes.size() + excluded.size()));
        }
        return new AttributeSelection(selectors(attributes, paths), selectors(excluded, paths));
    }

    public boolean isDefault() {
        return attributes.isEmpty() && excluded.isEmpty();
    }

    /**
     * Whether a response will hold anything of the core attribute named {@code name} (one returned by
     * default, such as a group's members): lets a repository skip reading it.
     */
    public boolean mayReturn(String name) {
        if (!attributes.isEmpty()) {
            return attributes.stream().anyMatch(selector -> isCoreAttribute(selector, name)
                    || selector.path() != null && selector.path().wholeSchema() && selector.path().core());
        }
        return excluded.stream().noneMatch(selector -> isCoreAttribute(selector, name)
                && !selector.path().hasSubAttribute() && selector.path().filter() == null);
    }

    private static boolean isCoreAttribute(Selector selector, String name) {
        return selector.path() != null && selector.path().core() && name.equals(selector.path().attributeName());
    }

    private static List<Selector> selectors(Collection<String> texts, SchemaPaths paths) {
        List<Selector> selectors = new ArrayList<>();
        for (String text : texts) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                selectors.add(new Selector(trimmed, paths.resolve(trimmed)));
            } catch (UnknownPath e) {
                if (e.isSyntaxError()) {
                    throw ScimProblem.invalidValue(e.getMessage());
                }
                selectors.add(new Selector(trimmed, null));
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
                if (parts.size() > MAX_PATHS) {
                    throw ScimProblem.invalidValue("attributes and excludedAttributes name at most " + MAX_PATHS
                            + " attribute paths");
                }
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
