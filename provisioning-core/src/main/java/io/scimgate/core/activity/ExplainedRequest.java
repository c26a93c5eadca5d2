package io.scimgate.core.activity;

import java.util.List;

/**
 * A SCIM request as the provisioning log wrote it: the request, the reason an operator reads in
 * the log, and what it did to people.
 */
public record ExplainedRequest(LoggedRequest request, String reason, List<ProvisioningOutcome> outcomes) {

    public ExplainedRequest {
        outcomes = List.copyOf(outcomes);
    }
}
