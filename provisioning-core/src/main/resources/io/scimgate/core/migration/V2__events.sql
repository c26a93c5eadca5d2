-- The event outbox (P25). Ids come from event_counter, whose single row every writing
-- transaction locks as its last step: ids are therefore allocated in commit order, and a reader
-- that has seen id N will never later find an event below N appear.
CREATE TABLE event (
    id              BIGINT                   NOT NULL PRIMARY KEY,
    event_type      VARCHAR(64)              NOT NULL,
    organization_id VARCHAR(36),
    directory_id    VARCHAR(36),
    data            VARCHAR(1000000)         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX event_org_ix ON event (organization_id, id);
CREATE INDEX event_type_ix ON event (event_type, id);

CREATE TABLE event_counter (
    id      INT    NOT NULL PRIMARY KEY,
    last_id BIGINT NOT NULL
);
INSERT INTO event_counter (id, last_id) VALUES (1, 0);
