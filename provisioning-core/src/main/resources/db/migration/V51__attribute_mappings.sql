-- Per-directory attribute mappings (RULES.md P27): a JSON object from custom attribute names to
-- paths into the directory user's stored SCIM document. version grows with every change.
CREATE TABLE directory_attribute_mapping (
    directory_id VARCHAR(36)              NOT NULL PRIMARY KEY,
    mapping      VARCHAR(100000)          NOT NULL,
    version      BIGINT                   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT directory_attribute_mapping_dir_fk FOREIGN KEY (directory_id) REFERENCES directory (id) ON DELETE CASCADE
);

-- The mapped values of each directory user (a JSON object) and the mapping version they were
-- computed with; a user whose version is behind the mapping's is recomputed (in batches after a
-- change, and on read until then).
ALTER TABLE directory_user ADD COLUMN custom_attributes VARCHAR(1000000);
ALTER TABLE directory_user ADD COLUMN custom_attributes_version BIGINT DEFAULT 0 NOT NULL;

-- The role values the directory sent in the user's "roles" (RULES.md P28), primary ones first, as
-- a JSON array of strings; null when it sent none.
ALTER TABLE directory_user ADD COLUMN idp_roles VARCHAR(100000);
