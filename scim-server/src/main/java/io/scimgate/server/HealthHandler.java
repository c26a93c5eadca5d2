package io.scimgate.server;

import java.sql.Connection;
import javax.sql.DataSource;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** {@code GET /health}: 200 when the store answers, 503 otherwise. No authentication, no details. */
final class HealthHandler extends HttpHandler {

    private final DataSource dataSource;

    HealthHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        boolean up;
        try (Connection connection = dataSource.getConnection()) {
            up = connection.isValid(2);
        } catch (Exception e) {
            up = false;
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.getWriter().write(up ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}");
    }
}
