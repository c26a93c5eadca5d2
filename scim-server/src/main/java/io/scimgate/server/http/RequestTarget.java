package io.scimgate.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks the request target (path and query) as the client sent it, before anything decodes it, so
 * that what a URL parser would choke on is a clear 400 instead of an error page: percent-encoding
 * that is not {@code %} and two hex digits, encoded bytes that are not UTF-8, NUL and other control
 * characters, encoded slashes and backslashes, {@code .} and {@code ..} segments (which would name
 * another resource than the one the path spells), and characters RFC 3986 requires to be encoded.
 */
public final class RequestTarget {

    /** Characters a path may carry unencoded (RFC 3986 §3.3: pchar and '/'). */
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/%";
    /** Characters a query may carry unencoded, generously: what clients send unencoded and Jersey can re-encode. */
    private static final String QUERY_REFUSED = "#";

    private RequestTarget() {
    }

    /**
     * What is wrong with the target, or empty when nothing is.
     *
     * @param rawPath the path as sent, each byte a char (ISO-8859-1)
     * @param rawQuery the query as sent, each byte a char, or null
     */
    public static Optional<String> problem(String rawPath, String rawQuery) {
        Optional<String> path = pathProblem(rawPath);
        return path.isPresent() || rawQuery == null ? path : queryProblem(rawQuery);
    }

    private static Optional<String> pathProblem(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return Optional.of("The URL path must start with /");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 0x80 || !Character.isLetterOrDigit(c) && PATH_CHARACTERS.indexOf(c) < 0) {
                return Optional.of("The URL path has a character that must be percent-encoded: " + describe(c));
            }
        }
        Decoded decoded = decode(path);
        if (decoded.problem != null) {
            return Optional.of("The URL path " + decoded.problem);
        }
        for (String segment : path.split("/", -1)) {
            String lower = segment.toLowerCase();
            if (lower.contains("%2f") || lower.contains("%5c")) {
                return Optional.of("The URL path has an encoded slash or backslash in a segment");
            }
            String plain = lower.replace("%2e", ".");
            if (plain.equals(".") || plain.equals("..")) {
                return Optional.of("The URL path has a '" + plain + "' segment; name the resource itself");
            }
        }
        for (int i = 0; i < decoded.text.length(); i++) {
            char c = decoded.text.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("The URL path has a control character (" + describe(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> queryProblem(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x20 || c == 0x7f || QUERY_REFUSED.indexOf(c) >= 0) {
                return Optional.of("The query string has a character that must be percent-encoded: " + describe(c));
            }
        }
        Decoded decoded = decode(query.replace('+', ' '));
        if (decoded.problem != null) {
            return Optional.of("The query string " + decoded.problem);
        }
        if (decoded.text.indexOf('\0') >= 0) {
            return Optional.of("The query string has a NUL character (%00)");
        }
        return Optional.empty();
    }

    private record Decoded(String text, String problem) {
    }

    /** Percent-decodes {@code raw} and reads the bytes as UTF-8, strictly. */
    private static Decoded decode(String raw) {
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    String sequence = raw.substring(i, Math.min(raw.length(), i + 3));
                    return new Decoded(null, "has '" + sequence + "', which is not a percent-encoded byte (% and two hex digits)");
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c > 0xff) {
                return new Decoded(null, "has a character outside the request line's bytes");
            } else {
                bytes[length++] = (byte) c;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
            return new Decoded(text, null);
        } catch (CharacterCodingException e) {
            return new Decoded(null, "has bytes that are not UTF-8 once percent-decoded");
        }
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
