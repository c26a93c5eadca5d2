-- Every attribute a list can be sorted by has an index in the order the list is read in: the
-- directory, the sort key (code-point order; missing values last, as Pager sorts them), then the
-- insertion sequence that breaks ties. A sortBy page then reads its rows from the index instead of
-- sorting the directory (RULES.md P5 keeps every list inside one directory). Each replaces the
-- filter index on (directory, key), which it still serves. The unique (directory, user_name_key)
-- already gives userName's order, as its keys never tie; it becomes a unique index of the same name
-- (instead of a constraint) so that it is listed among the table's indexes, where DirectoryRows
-- finds the index of each sort key.
ALTER TABLE directory_user DROP CONSTRAINT directory_user_name_uk;
CREATE UNIQUE INDEX directory_user_name_uk ON directory_user (directory_id, user_name_key);
DROP INDEX directory_user_external_id_ix;
DROP INDEX directory_user_display_name_key_ix;
DROP INDEX directory_user_given_name_key_ix;
DROP INDEX directory_user_family_name_key_ix;
DROP INDEX directory_user_title_key_ix;
DROP INDEX directory_user_employee_number_key_ix;
DROP INDEX directory_user_department_key_ix;
DROP INDEX directory_user_active_ix;
DROP INDEX directory_user_created_ix;
DROP INDEX directory_user_updated_ix;
CREATE INDEX directory_user_external_id_ix ON directory_user (directory_id, external_id NULLS LAST, seq);
CREATE INDEX directory_user_display_name_key_ix ON directory_user (directory_id, display_name_key NULLS LAST, seq);
CREATE INDEX directory_user_given_name_key_ix ON directory_user (directory_id, given_name_key NULLS LAST, seq);
CREATE INDEX directory_user_family_name_key_ix ON directory_user (directory_id, family_name_key NULLS LAST, seq);
CREATE INDEX directory_user_title_key_ix ON directory_user (directory_id, title_key NULLS LAST, seq);
CREATE INDEX directory_user_employee_number_key_ix ON directory_user (directory_id, employee_number_key NULLS LAST, seq);
CREATE INDEX directory_user_department_key_ix ON directory_user (directory_id, department_key NULLS LAST, seq);
CREATE INDEX directory_user_active_ix ON directory_user (directory_id, active, seq);
CREATE INDEX directory_user_created_ix ON directory_user (directory_id, created_at, seq);
CREATE INDEX directory_user_updated_ix ON directory_user (directory_id, updated_at, seq);

DROP INDEX directory_group_name_ix;
DROP INDEX directory_group_external_id_ix;
DROP INDEX directory_group_created_ix;
DROP INDEX directory_group_updated_ix;
CREATE INDEX directory_group_name_ix ON directory_group (directory_id, display_name_key, seq);
CREATE INDEX directory_group_external_id_ix ON directory_group (directory_id, external_id NULLS LAST, seq);
CREATE INDEX directory_group_created_ix ON directory_group (directory_id, created_at, seq);
CREATE INDEX directory_group_updated_ix ON directory_group (directory_id, updated_at, seq);

-- emails.value eq / sw find the users through the email key first (a semi-join), then check
-- their directory: the key leads, so the index serves the lookup without knowing the directory.
DROP INDEX directory_user_email_key_ix;
CREATE INDEX directory_user_email_key_ix ON directory_user_email (email_key, directory_id);

-- Indexes that no query reads, which every create still writes: seq is an identity column and is
-- only ever looked up within a directory (directory_user_dir_seq_ix); emails.type filters test the
-- email rows of each user through the primary key.
ALTER TABLE directory_user DROP CONSTRAINT directory_user_seq_uk;
DROP INDEX directory_user_email_type_key_ix;
