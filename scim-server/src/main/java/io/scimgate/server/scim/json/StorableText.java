package io.scimgate.server.scim.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.scim.ScimProblem;
import java.util.Map;

/**
 * Strings a directory can store as they were sent. JSON escapes can carry U+0000 and unpaired
 * surrogates (U+D800 to U+DFFF standing alone); PostgreSQL's text and jsonb refuse the first and the driver
 * would turn the second into {@code ?}, while H2 keeps both. A body holding either, in a value or a
 * key, is refused as a whole (400 invalidValue) so that both stores keep the same data.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Throws 400 invalidValue if any string or key of {@code document} cannot be stored as sent. */
    public static void check(JsonNode document) {
        if (document == null) {
            return;
        }
        if (document.isTextual()) {
            check(document.textValue(), "A string value");
        } else if (document.isObject()) {
            for (Map.Entry<String, JsonNode> field : document.properties()) {
                check(field.getKey(), "An attribute name");
                check(field.getValue());
            }
        } else if (document.isArray()) {
            for (JsonNode item : document) {
                check(item);
            }
        }
    }

    private static void check(String text, String what) {
        String problem = problem(text);
        if (problem != null) {
            throw ScimProblem.invalidValue(what + " contains " + problem);
        }
    }

    /** What in {@code text} no store can keep or compare as sent, or null when nothing. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "U+0000 (NUL), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "an unpaired surrogate (\\u" + Integer.toHexString(c) + "), which is not a character";
            }
        }
        return null;
    }
}
