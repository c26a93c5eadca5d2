-- Invitations reach people (README: Invitations reach people). Each invitation records which directory invited
-- (named in the message) and how its delivery went; invitation_delivery is the outbox of
-- deliveries still to make, retried with backoff and shared by every instance on the store.

ALTER TABLE invitation ADD COLUMN directory_id VARCHAR(36);
ALTER TABLE invitation ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE invitation ADD COLUMN last_delivery_error VARCHAR(1000);

-- token is the invitation's single-use token, kept only until the delivery is made or given up
-- (the invitation itself keeps only its hash). An instance claims a row by raising attempts and
-- moving next_attempt_at past a lease in one conditional UPDATE, so no two instances send the same
-- delivery; a claim of an instance that died runs out with its lease.
CREATE TABLE invitation_delivery (
    id              VARCHAR(36)              NOT NULL PRIMARY KEY,
    invitation_id   VARCHAR(36)              NOT NULL,
    token           VARCHAR(256)             NOT NULL,
    resent          BOOLEAN                  NOT NULL,
    attempts        INT                      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invitation_delivery_invitation_fk FOREIGN KEY (invitation_id) REFERENCES invitation (id) ON DELETE CASCADE
);
CREATE INDEX invitation_delivery_due_ix ON invitation_delivery (next_attempt_at);
CREATE INDEX invitation_delivery_invitation_ix ON invitation_delivery (invitation_id);
