package io.scimgate.server.http;

import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.util.Header;

/**
 * {@code Content-Type} and {@code Accept} as the HTTP layer sees them, before the application's
 * media-type handling, which fails with a 500 on a header it cannot parse. A body whose
 * {@code Content-Type} is not a media type is refused with 415; an empty {@code Content-Type} is
 * read as none (a JSON body, as without the header); an {@code Accept} that cannot be parsed is
 * dropped, as if the client had sent none.
 */
final class MediaTypes {

    static final String UNSUPPORTED = "Content-Type";
    private static final Pattern QUALITY = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private MediaTypes() {
    }

    static Optional<String> problem(Request request) {
        String contentType = request.getHeader(Header.ContentType);
        if (contentType != null) {
            if (contentType.isBlank()) {
                request.getRequest().getHeaders().removeHeader(Header.ContentType);
                request.getRequest().setContentType((String) null);
            } else if (!parses(contentType)) {
                return Optional.of(UNSUPPORTED + " '" + abbreviate(contentType)
                        + "' is not a media type; send application/scim+json or application/json");
            }
        }
        String accept = request.getHeader(Header.Accept);
        if (accept != null && !acceptParses(accept)) {
            request.getRequest().getHeaders().removeHeader(Header.Accept);
        }
        return Optional.empty();
    }

    private static boolean parses(String value) {
        try {
            MediaType type = MediaType.valueOf(value.strip());
            return !type.getType().isEmpty() && !type.getSubtype().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Each media range a media type, with a quality value (when given) of RFC 9110 §12.4.2's form. */
    private static boolean acceptParses(String accept) {
        for (String range : accept.split(",")) {
            if (range.isBlank()) {
                continue;
            }
            if (!parses(range)) {
                return false;
            }
            String quality = MediaType.valueOf(range.strip()).getParameters().get("q");
            if (quality != null && !QUALITY.matcher(quality).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
