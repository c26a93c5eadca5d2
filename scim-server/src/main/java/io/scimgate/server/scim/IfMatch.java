package io.scimgate.server.scim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} precondition over our versions, whose entity tags are {@code W/"<n>"}.
 * Weak comparison is used, as RFC 7644 §3.14 allows for SCIM versions.
 */
public record IfMatch(boolean present, Long version) {

    public static final IfMatch NONE = new IfMatch(false, null);
    /** A tag we never issued: no version can satisfy it. */
    public static final long UNSATISFIABLE = -1;
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        if (header.trim().equals("*")) {
            return new IfMatch(true, null);
        }
        Matcher matcher = TAG.matcher(header);
        return new IfMatch(true, matcher.matches() ? Long.parseLong(matcher.group(1)) : UNSATISFIABLE);
    }

    /** The version a write must find, or null when any version will do. */
    public Long expectedVersion() {
        return version;
    }

    /**
     * Whether an {@code If-None-Match} header names {@code version} (weak comparison, RFC 9110
     * §13.1.2): {@code *} or any listed tag of that version. False for no header.
     */
    public static boolean anyMatches(String header, long version) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String candidate : header.split(",")) {
            if (candidate.trim().equals("*")) {
                return true;
            }
            Matcher matcher = TAG.matcher(candidate);
            if (matcher.matches() && Long.parseLong(matcher.group(1)) == version) {
                return true;
            }
        }
        return false;
    }

    public static String etagOf(long version) {
        return "W/\"" + version + "\"";
    }
}
