-- Directory state and activity, shown on the directory object of the admin API. activated_at is set
-- by the first authenticated SCIM request (with dsync.activated); the others are aggregated in memory
-- by each instance and added here every few seconds and at shutdown, never written per request.
ALTER TABLE directory ADD COLUMN activated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE directory ADD COLUMN last_request_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE directory ADD COLUMN last_error_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE directory ADD COLUMN request_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE directory ADD COLUMN error_count BIGINT DEFAULT 0 NOT NULL;
-- Directories of an earlier release may have served requests already, which it did not record:
-- they count as activated when they were created, so that no dsync.activated is emitted for a
-- directory long in use just because the server was upgraded.
UPDATE directory SET activated_at = created_at;
