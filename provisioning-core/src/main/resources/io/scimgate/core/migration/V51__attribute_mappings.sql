-- Per-directory attribute mappings (RULES.md P27), on the directory's row so that every write of a
-- directory user finds its mapping where it finds its directory: a JSON object from custom
-- attribute names to paths into the user's stored SCIM document, and a version that grows with
-- every change (0: never set).
ALTER TABLE directory ADD COLUMN attribute_mapping VARCHAR(100000);
ALTER TABLE directory ADD COLUMN attribute_mapping_version BIGINT DEFAULT 0 NOT NULL;

-- The mapped values of each directory user (a JSON object) and the mapping version they were
-- computed with; a user whose version is behind the mapping's is recomputed (in batches after a
-- change, and on read until then).
ALTER TABLE directory_user ADD COLUMN custom_attributes VARCHAR(1000000);
ALTER TABLE directory_user ADD COLUMN custom_attributes_version BIGINT DEFAULT 0 NOT NULL;

-- The role values the directory sent in the user's "roles" (RULES.md P28), primary ones first, as
-- a JSON array of strings; null when it sent none.
ALTER TABLE directory_user ADD COLUMN idp_roles VARCHAR(100000);
