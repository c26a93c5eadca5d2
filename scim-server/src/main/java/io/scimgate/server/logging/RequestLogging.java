package io.scimgate.server.logging;

import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every HTTP request, whatever serves it (SCIM, admin API, console, health, metrics): gets a
 * request id ({@code X-Request-Id}, honoured or made, and answered), which {@link RequestFields}
 * puts with its method and path in the MDC of the lines the APIs log, and ends with one access log line
 * (logger {@code scimgate.access}) with its status and duration. The path is logged without its
 * query string, and no header is logged.
 *
 * <p>A Grizzly probe rather than a handler, so it sees requests no application matched, and is
 * independent of how the applications are mounted.
 */
public final class RequestLogging extends RequestProbe {

    public static final String ACCESS_LOGGER = "scimgate.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final String STARTED = RequestLogging.class.getName() + ".started";
    /** The request's id, as a request attribute (a Jersey request property). */
    public static final String ID_ATTRIBUTE = RequestLogging.class.getName() + ".id";
    private static final int MAX_PATH = 512;

    /** Called where Grizzly reads the request (a selector thread): the MDC is set on the serving thread, by {@link RequestFields}. */
    @Override
    protected void received(Request request) {
        String id = RequestIds.honourOrCreate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(STARTED, System.nanoTime());
        request.setAttribute(ID_ATTRIBUTE, id);
        request.getResponse().setHeader(RequestIds.HEADER, id);
    }

    @Override
    protected void completed(Request request, Response response) {
        if (!(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        try {
            // Whichever thread completes the request: state every field here.
            MDC.clear();
            MDC.put(LogFields.REQUEST_ID, String.valueOf(request.getAttribute(ID_ATTRIBUTE)));
            MDC.put(LogFields.METHOD, request.getMethod().getMethodString());
            MDC.put(LogFields.PATH, pathOf(request));
            MDC.put(LogFields.STATUS, Integer.toString(response.getStatus()));
            MDC.put(LogFields.DURATION_MS, Long.toString(millis));
            putIfSet(LogFields.DIRECTORY_ID, request.getAttribute(ScimDirectoryContext.DIRECTORY_ATTRIBUTE));
            putIfSet(LogFields.PROVIDER, request.getAttribute(ScimDirectoryContext.PROVIDER_ATTRIBUTE));
            ACCESS.info("{} {} {} {}ms", request.getMethod().getMethodString(), pathOf(request), response.getStatus(), millis);
        } finally {
            MDC.clear();
        }
    }

    private static void putIfSet(String field, Object value) {
        if (value != null) {
            MDC.put(field, value.toString());
        }
    }

    static String pathOf(Request request) {
        String path = request.getRequestURI();
        return path == null ? "" : path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
    }
}
