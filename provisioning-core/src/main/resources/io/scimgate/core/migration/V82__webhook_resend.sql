-- Events an operator asked to send again to one webhook endpoint (RULES.md P25). The
-- endpoint's dispatcher sends them before going on with its own cursor, retrying a failure with
-- the endpoint's usual backoff; a row goes once it is delivered or given up.
CREATE TABLE webhook_resend (
    endpoint_id  VARCHAR(36)              NOT NULL,
    event_id     BIGINT                   NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_resend_pk PRIMARY KEY (endpoint_id, event_id),
    CONSTRAINT webhook_resend_endpoint_fk FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE
);
