package io.scimgate.core.activity;

/**
 * What the provisioning log tells a monitor. {@code CoreMonitor} extends it; the log is handed a
 * safe one (whatever it throws is logged, never reaching the log's writer).
 */
public interface ActivityMonitor {

    /** The provisioning log's background writer explained a SCIM request (never on the request's thread). */
    default void requestExplained(ExplainedRequest request) {
    }
}
