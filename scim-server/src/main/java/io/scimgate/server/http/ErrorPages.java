package io.scimgate.server.http;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * Grizzly's error pages (for what its server layer refuses before a handler runs, such as a body
 * over its size limit or a request during shutdown) as error bodies of the API the request was for
 * ({@link ErrorBodies}), never HTML. A 500 from the layer itself is reported without its internals.
 */
public final class ErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String path = request.getRequest().getRequestURIRef().getURI(StandardCharsets.ISO_8859_1);
        String detail = status >= 500 && status != 503 ? "The server could not complete the request"
                : description != null && !description.isBlank() ? description : reasonPhrase;
        ErrorBodies.ErrorBody body = ErrorBodies.of(path, status, detail);
        request.getResponse().setContentType(body.contentType());
        return new String(body.body(), StandardCharsets.UTF_8);
    }
}
