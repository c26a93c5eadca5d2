-- Case-insensitive filters on these attributes compare lower-cased copies kept beside the values
-- as sent, so that equality and prefixes use an index instead of lower(column) over the directory.
ALTER TABLE directory_user ADD COLUMN display_name_key VARCHAR(512);
ALTER TABLE directory_user ADD COLUMN given_name_key VARCHAR(512);
ALTER TABLE directory_user ADD COLUMN family_name_key VARCHAR(512);
ALTER TABLE directory_user ADD COLUMN title_key VARCHAR(512);
ALTER TABLE directory_user ADD COLUMN employee_number_key VARCHAR(512);
ALTER TABLE directory_user ADD COLUMN department_key VARCHAR(512);
ALTER TABLE directory_user_email ADD COLUMN email_type_key VARCHAR(64);

UPDATE directory_user SET display_name_key = LOWER(display_name), given_name_key = LOWER(given_name),
    family_name_key = LOWER(family_name), title_key = LOWER(title), employee_number_key = LOWER(employee_number),
    department_key = LOWER(department);
UPDATE directory_user_email SET email_type_key = LOWER(email_type);

DROP INDEX directory_user_display_name_ix;
DROP INDEX directory_user_given_name_ix;
DROP INDEX directory_user_family_name_ix;
DROP INDEX directory_user_title_ix;
DROP INDEX directory_user_employee_number_ix;
DROP INDEX directory_user_department_ix;
DROP INDEX directory_user_email_type_ix;
CREATE INDEX directory_user_display_name_key_ix ON directory_user (directory_id, display_name_key);
CREATE INDEX directory_user_given_name_key_ix ON directory_user (directory_id, given_name_key);
CREATE INDEX directory_user_family_name_key_ix ON directory_user (directory_id, family_name_key);
CREATE INDEX directory_user_title_key_ix ON directory_user (directory_id, title_key);
CREATE INDEX directory_user_employee_number_key_ix ON directory_user (directory_id, employee_number_key);
CREATE INDEX directory_user_department_key_ix ON directory_user (directory_id, department_key);
CREATE INDEX directory_user_email_type_key_ix ON directory_user_email (directory_id, email_type_key);
