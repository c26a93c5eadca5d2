package io.scimgate.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves the admin console, static files packed in the jar under {@code console/}, at
 * {@code /console/}. Only flat file names of known types are looked up, so no request can reach
 * anything else on the class path. Every answer carries {@link ConsoleSecurityHeaders}.
 */
public final class ConsoleHandler extends HttpHandler {

    public static final String CONTEXT_PATH = "/console";
    private static final String RESOURCE_ROOT = "console/";
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|png)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final ClassLoader classLoader;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    public ConsoleHandler() {
        this.classLoader = ConsoleHandler.class.getClassLoader();
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        ConsoleSecurityHeaders.apply(response);
        String uri = request.getRequestURI();
        String path = uri.startsWith(CONTEXT_PATH) ? uri.substring(CONTEXT_PATH.length()) : "";
        if (path.isEmpty()) {
            // Relative links in the page resolve against /console/, not against /.
            response.setStatus(301);
            response.setHeader("Location", CONTEXT_PATH + "/");
            return;
        }
        if (!request.getMethod().equals(Method.GET) && !request.getMethod().equals(Method.HEAD)) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, 405, "Method not allowed");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        Optional<byte[]> file = FILE_NAME.matcher(name).matches() ? files.computeIfAbsent(name, this::load) : Optional.empty();
        if (file.isEmpty()) {
            plain(response, 404, "Not found");
            return;
        }
        byte[] body = file.get();
        response.setStatus(200);
        response.setContentType(CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.setContentLength(body.length);
        // The files change only with the jar; revalidating keeps an upgraded console from mixing old and new files.
        response.setHeader("Cache-Control", "no-cache");
        if (request.getMethod().equals(Method.GET)) {
            response.getOutputStream().write(body);
        }
    }

    private Optional<byte[]> load(String name) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE_ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read console file " + name, e);
        }
    }

    private static void plain(Response response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write(message);
    }
}
