package io.scimgate.server.console;

import org.glassfish.grizzly.http.server.Response;

/**
 * Headers that keep the console from being framed, from leaking its URLs and from running any
 * script but its own files: no inline script, no {@code eval}, no other origin, API calls only to
 * this server.
 */
public final class ConsoleSecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    private ConsoleSecurityHeaders() {
    }

    static void apply(Response response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
