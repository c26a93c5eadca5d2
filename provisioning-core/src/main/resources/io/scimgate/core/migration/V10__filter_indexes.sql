-- Indexes for the SCIM filter and sort attributes that V1 and V3 do not index yet. Every query
-- is scoped to one directory, so each index leads with directory_id. Case-insensitive equality
-- on userName, emails.value and a group's displayName uses the normalised "_key" columns.
CREATE INDEX directory_user_display_name_ix ON directory_user (directory_id, display_name);
CREATE INDEX directory_user_given_name_ix ON directory_user (directory_id, given_name);
CREATE INDEX directory_user_family_name_ix ON directory_user (directory_id, family_name);
CREATE INDEX directory_user_title_ix ON directory_user (directory_id, title);
CREATE INDEX directory_user_employee_number_ix ON directory_user (directory_id, employee_number);
CREATE INDEX directory_user_department_ix ON directory_user (directory_id, department);
CREATE INDEX directory_user_active_ix ON directory_user (directory_id, active);
CREATE INDEX directory_user_created_ix ON directory_user (directory_id, created_at);
CREATE INDEX directory_user_updated_ix ON directory_user (directory_id, updated_at);
CREATE INDEX directory_user_email_type_ix ON directory_user_email (directory_id, email_type);
CREATE INDEX directory_group_created_ix ON directory_group (directory_id, created_at);
CREATE INDEX directory_group_updated_ix ON directory_group (directory_id, updated_at);
CREATE INDEX directory_group_member_dir_user_ix ON directory_group_member (directory_id, directory_user_id);
