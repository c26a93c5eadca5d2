package io.scimgate.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.util.MappingData;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Grizzly handler every request goes through. It checks what the HTTP layer would otherwise
 * turn into an error page or a 500 with no body (a request target that cannot be decoded, a
 * {@code Content-Type} that is not a media type, a body framed two ways; see {@link RequestTarget},
 * {@link MediaTypes}, {@link Framing}), answering those with an
 * error in the shape of the API the request was for ({@link ErrorBodies}), then hands the request
 * to the application mounted at the longest matching context path. Whatever escapes an
 * application becomes a logged 500 with such a body, never an HTML page.
 */
public final class FrontDoor extends HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);

    /** An application and the context path it is mounted at ({@code /scim/v2}, {@code /admin/v1}, {@code /health}). */
    public record Mount(String contextPath, HttpHandler handler) {
    }

    /** Request line and headers: room for a filter well over its own limit, so that it gets a SCIM error. */
    public static final int MAX_REQUEST_HEAD_BYTES = 32 * 1024;
    private static final long MIN_READ_TIMEOUT_MILLIS = 1000;

    private final List<Mount> mounts;
    private final Duration budget;

    public FrontDoor(List<Mount> mounts, Duration budget) {
        this.mounts = List.copyOf(mounts);
        this.budget = budget;
    }

    /**
     * Serves {@code mounts} through a front door as the server's only handler (so Grizzly neither
     * decodes nor maps the URL itself), with error bodies in place of Grizzly's error pages and of the
     * empty answers of its HTTP codec, and room in the request head for long filters
     * ({@link #MAX_REQUEST_HEAD_BYTES}) so that the application can say what is wrong with them.
     * Each request gets {@code budget} ({@link RequestBudget}).
     */
    public static void serve(HttpServer http, List<Mount> mounts, Duration budget) {
        for (NetworkListener listener : http.getListeners()) {
            // A body that stops arriving holds a worker thread about as long as a request may take.
            listener.getTransport().setReadTimeout(Math.max(budget.toMillis(), MIN_READ_TIMEOUT_MILLIS), TimeUnit.MILLISECONDS);
            listener.setMaxHttpHeaderSize(MAX_REQUEST_HEAD_BYTES);
            listener.setDefaultErrorPageGenerator(new ErrorPages());
            listener.registerAddOn(ProtocolErrors.addOn());
        }
        http.getServerConfiguration().setDefaultErrorPageGenerator(new ErrorPages());
        http.getServerConfiguration().addHttpHandler(new FrontDoor(mounts, budget), "");
    }

    @Override
    public void start() {
        mounts.forEach(mount -> mount.handler().start());
    }

    @Override
    public void destroy() {
        mounts.forEach(mount -> mount.handler().destroy());
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String rawPath = request.getRequest().getRequestURIRef().getURI(StandardCharsets.ISO_8859_1);
        RequestBudget.start(budget);
        try {
            Optional<String> problem = RequestTarget.problem(rawPath,
                    request.getRequest().getQueryStringDC().toString(StandardCharsets.ISO_8859_1));
            if (problem.isEmpty()) {
                problem = Framing.problem(request);
            }
            if (problem.isEmpty()) {
                problem = MediaTypes.problem(request);
            }
            if (problem.isPresent()) {
                answer(response, ErrorBodies.of(rawPath, problem.get().startsWith(MediaTypes.UNSUPPORTED) ? 415 : 400,
                        problem.get()));
                return;
            }
            Mount mount = mountOf(rawPath);
            if (mount == null) {
                answer(response, ErrorBodies.of(rawPath, 404, "Nothing is served at this URL; SCIM is under /scim/v2/{directoryId}"));
                return;
            }
            MappingData mapping = new MappingData();
            mapping.contextPath.setString(mount.contextPath());
            mapping.wrapperPath.setString("");
            mapping.pathInfo.setString(rawPath.substring(mount.contextPath().length()));
            updatePaths(request, mapping);
            mount.handler().service(request, response);
            if (response.getStatus() == 408) {
                // The body stopped arriving: close the connection once answered rather than keep it
                // (and the client's unsent bytes) until the keep-alive timeout.
                request.getRequest().setContentBroken(true);
            }
        } catch (Exception | Error e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected failure of a request (reference {})", reference, e);
            if (!response.isCommitted()) {
                response.reset();
                answer(response, ErrorBodies.of(rawPath, 500,
                        "The server could not complete the request (reference " + reference + ")"));
            }
        } finally {
            RequestBudget.end();
        }
    }

    private Mount mountOf(String path) {
        Mount found = null;
        for (Mount mount : mounts) {
            String context = mount.contextPath();
            boolean matches = path.startsWith(context) && (path.length() == context.length() || path.charAt(context.length()) == '/');
            if (matches && (found == null || context.length() > found.contextPath().length())) {
                found = mount;
            }
        }
        return found;
    }

    static void answer(Response response, ErrorBodies.ErrorBody error) throws java.io.IOException {
        response.setStatus(error.status());
        response.setContentType(error.contentType());
        response.setContentLength(error.body().length);
        response.setHeader(Header.CacheControl, "no-store");
        response.getOutputStream().write(error.body());
    }
}
