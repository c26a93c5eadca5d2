-- How many times each directory's user order may have changed: every create, delete and update of
-- sortable values adds one to its stripe, in the transaction that makes the change. Index pages keep
-- anchors into a directory's orders only while the sum of its stripes stays the same (RULES.md P32).
ALTER TABLE directory_user_tally ADD COLUMN changes BIGINT DEFAULT 0 NOT NULL;
