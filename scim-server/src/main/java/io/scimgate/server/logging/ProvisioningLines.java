package io.scimgate.server.logging;

import io.scimgate.core.activity.ExplainedRequest;
import io.scimgate.core.activity.LoggedRequest;
import io.scimgate.core.activity.ProvisioningOutcome;
import io.scimgate.core.monitoring.CoreMonitor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line in the server log (logger {@code scimgate.provisioning}) for each SCIM request the
 * provisioning log explained, saying why in the provisioning log's own words ("pending: domain
 * contractor.io not verified for Acme; invited (RULES.md P14)"), with the request's id, directory,
 * provider, method, path, status and outcomes as fields. Written by the provisioning log's
 * background writer, so about a second after the answer and never on the request's thread.
 */
public final class ProvisioningLines implements CoreMonitor {

    public static final String LOGGER = "scimgate.provisioning";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final DirectoryProviders providers;

    public ProvisioningLines(DirectoryProviders providers) {
        this.providers = providers;
    }

    @Override
    public void requestExplained(ExplainedRequest explained) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LoggedRequest request = explained.request();
        String outcomes = explained.outcomes().stream().map(ProvisioningOutcome::slug).collect(Collectors.joining(","));
        try {
            MDC.clear();
            if (request.requestId() != null) {
                MDC.put(LogFields.REQUEST_ID, request.requestId());
            }
            MDC.put(LogFields.DIRECTORY_ID, request.directoryId());
            MDC.put(LogFields.PROVIDER, providers.of(request.directoryId()));
            MDC.put(LogFields.METHOD, request.method());
            MDC.put(LogFields.PATH, request.path());
            MDC.put(LogFields.STATUS, Integer.toString(request.status()));
            MDC.put(LogFields.DURATION_MS, Long.toString(request.durationMillis()));
            MDC.put(LogFields.OUTCOMES, outcomes);
            LOG.info("{} {} {}: {}", request.method(), request.path(), request.status(), explained.reason());
        } finally {
            MDC.clear();
        }
    }
}
