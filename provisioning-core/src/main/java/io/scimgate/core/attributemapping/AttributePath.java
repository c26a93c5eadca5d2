package io.scimgate.core.attributemapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a mapped value is found in a directory user's stored SCIM document (RULES.md P27): an
 * attribute ({@code title}), a sub-attribute ({@code name.givenName}), or an attribute of an
 * extension named by its URN and {@code :} or {@code .} ({@code urn:…:enterprise:2.0:User:department},
 * {@code urn:…:enterprise:2.0:User.manager.value}). Names and URNs match in any case. A step into a
 * multi-valued attribute takes its primary value, else its first ({@code emails.value} is the
 * primary email). Anything that is not there resolves to null.
 */
public final class AttributePath {

    static final int MAX_LENGTH = 512;
    private static final String URN_PREFIX = "urn:";
    private static final String CORE_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:user";
    private static final Pattern NAME = Pattern.compile("[A-Za-z$][A-Za-z0-9_$-]*");
    private static final Pattern URN_PATH = Pattern.compile("urn:[A-Za-z0-9:._$-]+", Pattern.CASE_INSENSITIVE);

    private final String text;

    private AttributePath(String text) {
        this.text = text;
    }

    /** Checks the syntax of {@code text}; 400 {@code invalid_attribute_path} if it cannot name an attribute. */
    public static AttributePath parse(String text) {
        String path = text == null ? "" : text.trim();
        boolean valid = !path.isEmpty() && path.length() <= MAX_LENGTH && (isUrn(path)
                ? URN_PATH.matcher(path).matches()
                : Arrays.stream(path.split("\\.", -1)).allMatch(name -> NAME.matcher(name).matches()));
        if (!valid) {
            throw new ScimgateException(ErrorCode.INVALID_ATTRIBUTE_PATH, "'" + text + "' is not an attribute path: use an "
                    + "attribute (title), a sub-attribute (name.givenName) or an extension URN with its attribute "
                    + "(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department), at most " + MAX_LENGTH
                    + " characters");
        }
        return new AttributePath(path);
    }

    public String text() {
        return text;
    }

    /** The value at this path in {@code document}, or null when there is none. */
    public JsonNode resolve(JsonNode document) {
        if (!isUrn(text)) {
            return walk(document, text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String bestKey = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = document.fields(); fields.hasNext(); ) {
            String key = fields.next().getKey();
            String keyLower = key.toLowerCase(Locale.ROOT);
            if (isUrn(key) && startsWithSchema(lower, keyLower) && (bestKey == null || key.length() > bestKey.length())) {
                bestKey = key;
            }
        }
        if (bestKey != null) {
            JsonNode extension = document.get(bestKey);
            return text.length() == bestKey.length() ? present(extension) : walk(extension, text.substring(bestKey.length() + 1));
        }
        if (startsWithSchema(lower, CORE_USER_SCHEMA) && text.length() > CORE_USER_SCHEMA.length()) {
            return walk(document, text.substring(CORE_USER_SCHEMA.length() + 1));
        }
        return null;
    }

    private static boolean startsWithSchema(String path, String schema) {
        return path.startsWith(schema) && (path.length() == schema.length()
                || path.charAt(schema.length()) == ':' || path.charAt(schema.length()) == '.');
    }

    private static JsonNode walk(JsonNode from, String dottedNames) {
        JsonNode node = from;
        List<String> names = Arrays.asList(dottedNames.split("\\."));
        for (String name : names) {
            if (node != null && node.isArray()) {
                node = representative(node);
            }
            node = ScimDocument.field(node, name);
            if (node == null) {
                return null;
            }
        }
        return present(node);
    }

    /** The element of a multi-valued attribute that stands for it: the primary one, else the first. */
    private static JsonNode representative(JsonNode values) {
        for (JsonNode value : values) {
            JsonNode primary = ScimDocument.field(value, "primary");
            if (primary != null && (primary.asBoolean(false) || "true".equalsIgnoreCase(primary.asText().trim()))) {
                return value;
            }
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static boolean isUrn(String text) {
        return text.regionMatches(true, 0, URN_PREFIX, 0, URN_PREFIX.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributePath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
