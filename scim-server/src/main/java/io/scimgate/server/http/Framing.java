package io.scimgate.server.http;

import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.util.Header;

/**
 * How a request body is framed: by {@code Content-Length}, or by {@code Transfer-Encoding: chunked}
 * alone. Grizzly reads an unknown transfer coding ({@code gzip}) as none and lets a
 * {@code Transfer-Encoding} stand next to a {@code Content-Length}, where RFC 9112 §6.1 allows a
 * server to refuse both (they are how requests are smuggled past proxies): both are 400 here.
 */
final class Framing {

    private Framing() {
    }

    static Optional<String> problem(Request request) {
        String codings = request.getHeader(Header.TransferEncoding);
        if (codings == null) {
            return Optional.empty();
        }
        if (!codings.strip().equalsIgnoreCase("chunked")) {
            return Optional.of("Transfer-Encoding '" + abbreviate(codings) + "' is not supported; send the body as it is "
                    + "(with Content-Length) or chunked");
        }
        if (request.getHeader(Header.ContentLength) != null) {
            return Optional.of("A request carries Content-Length or Transfer-Encoding, not both");
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
