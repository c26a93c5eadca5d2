package io.scimgate.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimgate.core.token.AdminTokens;
import io.scimgate.server.http.BearerToken;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /metrics} in Prometheus' text format. On the main port it answers only to the admin
 * token (with the admin API's error body otherwise); on its own port ({@code SCIMGATE_METRICS_PORT})
 * it needs none, that port being for the scraper's network only.
 */
final class MetricsHandler extends HttpHandler {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final AdminTokens adminTokens;

    /** @param adminTokens the tokens a scraper must present, or null for none */
    MetricsHandler(PrometheusMeterRegistry registry, AdminTokens adminTokens) {
        this.registry = registry;
        this.adminTokens = adminTokens;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (adminTokens != null && !adminTokens.isValid(BearerToken.from(request.getHeader("Authorization")))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scimgate-admin\"");
            error(response, 401, "unauthorized", "The metrics need the admin token: Authorization: Bearer <admin token>");
            return;
        }
        if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
            response.setHeader("Allow", "GET, HEAD");
            error(response, 405, "method_not_allowed", "The metrics are read with GET");
            return;
        }
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (request.getMethod() == Method.GET) {
            response.getOutputStream().write(body);
        }
    }

    private static void error(Response response, int status, String code, String message) throws java.io.IOException {
        byte[] body = ("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
