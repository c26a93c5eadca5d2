package io.scimgate.server.http;

import org.glassfish.grizzly.Buffer;

/**
 * The first bytes of a new request on a connection, checked before Grizzly's codec parses them.
 * Grizzly waits for more input while a request line has no space or a header line no colon, so a
 * line that ends there would hold the connection until it times out; {@code CONNECT} would make it a
 * tunnel and {@code PRI} is HTTP/2's preface. Each is refused as soon as it is in.
 */
final class RequestHeads {

    /** Why a request head is refused, and with which status. */
    record Refusal(int status, String detail) {
    }

    private RequestHeads() {
    }

    /** The refusal of the request starting at {@code input}'s position, or null when its head may go on. */
    static Refusal refusal(Buffer input) {
        String broken = brokenLine(input);
        if (broken != null) {
            return new Refusal(400, broken);
        }
        if (startsWith(input, "CONNECT ")) {
            return new Refusal(405, "CONNECT is not supported: this is not a proxy");
        }
        if (startsWith(input, "PRI ")) {
            return new Refusal(400, "Only HTTP/1.1 is spoken here, not HTTP/2");
        }
        return null;
    }

    /**
     * What is wrong with the complete lines at the start of a new request, or null: a request line
     * whose method runs into the end of the line, or a header line without a colon.
     */
    private static String brokenLine(Buffer input) {
        int position = input.position();
        int limit = input.limit();
        while (position < limit && (input.get(position) == '\r' || input.get(position) == '\n')) {
            position++;
        }
        int lineStart = position;
        boolean requestLine = true;
        for (int i = position; i < limit; i++) {
            byte b = input.get(i);
            if (requestLine && (b == ' ' || b == '\t')) {
                requestLine = false;
                i = endOfLine(input, i, limit);
                if (i < 0) {
                    return null;
                }
                lineStart = i + 1;
                continue;
            }
            if (requestLine && b != '\r' && b != '\n' && (b < 0x21 || b > 0x7e)) {
                return "The request line must start with a method (letters), then the URL and HTTP/1.1";
            }
            if (b == '\n') {
                if (requestLine) {
                    return "The request line must be: method, a space, the URL, a space, HTTP/1.1";
                }
                int length = i - lineStart - (i > lineStart && input.get(i - 1) == '\r' ? 1 : 0);
                if (length == 0) {
                    return null;
                }
                if (!hasColon(input, lineStart, i)) {
                    return "Each header line must be a name, a colon and a value";
                }
                lineStart = i + 1;
            }
        }
        return null;
    }

    private static boolean startsWith(Buffer input, String method) {
        int position = input.position();
        while (position < input.limit() && (input.get(position) == '\r' || input.get(position) == '\n')) {
            position++;
        }
        if (input.limit() - position < method.length()) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            if (input.get(position + i) != method.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int endOfLine(Buffer input, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (input.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasColon(Buffer input, int from, int to) {
        for (int i = from; i < to; i++) {
            if (input.get(i) == ':') {
                return true;
            }
        }
        return false;
    }

}
