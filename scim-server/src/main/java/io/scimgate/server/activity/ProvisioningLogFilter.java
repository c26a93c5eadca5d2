package io.scimgate.server.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.activity.LoggedRequest;
import io.scimgate.core.activity.ProvisioningLog;
import io.scimgate.core.activity.RequestJournal;
import io.scimgate.server.logging.LogFields;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * Hands every SCIM request to the directory's provisioning log: it opens a {@link RequestJournal}
 * before the token is even checked (so refused requests count too) and, once the answer is
 * ready, records method, path, status, time taken, the error's detail and what the request
 * changed. Recording waits for nothing; see {@link ProvisioningLog}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class ProvisioningLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ProvisioningLogFilter.class.getName() + ".started";
    private static final int DIRECTORY_ID_MAX = 36;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProvisioningLog log;
    private final Clock clock;

    public ProvisioningLogFilter(ProvisioningLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    private record Started(String directoryId, String path, Instant at, long nanos, RequestJournal journal) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        int slash = path.indexOf('/');
        String directoryId = slash < 0 ? path : path.substring(0, slash);
        if (directoryId.isEmpty() || directoryId.length() > DIRECTORY_ID_MAX) {
            RequestJournal.close();
            return;
        }
        request.setProperty(STARTED, new Started(directoryId, slash < 0 ? "" : path.substring(slash + 1), clock.instant(),
                System.nanoTime(), RequestJournal.open()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Started started)) {
            return;
        }
        RequestJournal.close();
        int status = response.getStatus();
        log.record(new LoggedRequest(started.directoryId(), started.at(), request.getMethod(), started.path(), status,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.nanos()),
                status >= 400 ? errorDetail(response.getEntity()) : null,
                started.journal().changes(), MDC.get(LogFields.REQUEST_ID)));
    }

    /** The {@code detail} of a SCIM error body, whether it is still an object or already JSON text. */
    private static String errorDetail(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            JsonNode body = entity instanceof String text ? JSON.readTree(text) : JSON.valueToTree(entity);
            JsonNode detail = body.path("detail");
            return detail.isTextual() ? detail.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
