package io.scimgate.server.http;

import java.util.Locale;

/** Reads the token of an {@code Authorization: Bearer <token>} header (RFC 6750 §2.1). */
public final class BearerToken {

    private BearerToken() {
    }

    /** The token, or null when the header is missing, empty, or not a bearer credential. */
    public static String from(String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String header = authorizationHeader.trim();
        if (header.length() <= 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() || token.contains(" ") ? null : token;
    }
}
