-- Domains are re-checked in the background (README: Domain verification and consumer domains): a pending DNS domain's TXT record is
-- looked up again at next_check_at, with backoff, until it appears or the verification window
-- ends; then the domain is stored as verified or failed. An instance claims a due domain by
-- raising check_attempts and moving next_check_at in one conditional UPDATE, so instances sharing
-- the store never check (or announce) the same domain twice.
ALTER TABLE organization_domain ADD COLUMN next_check_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE organization_domain ADD COLUMN check_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE organization_domain ADD COLUMN last_checked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX organization_domain_next_check_ix ON organization_domain (next_check_at);

UPDATE organization_domain SET next_check_at = created_at WHERE state = 'pending';
