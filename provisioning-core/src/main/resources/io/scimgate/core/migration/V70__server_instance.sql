-- Each running scimgate server writes its heartbeat here every few seconds, so that every
-- instance sharing the store knows how many are alive (a per-directory request budget is
-- divided between them) without a database round trip per request.
CREATE TABLE server_instance (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX server_instance_seen_ix ON server_instance (seen_at);
