-- Each directory group's number of members, kept with every member change, so that reading a
-- group's memberCount (admin API, dsync.group.user_added/user_removed) does not count a large
-- group's member rows each time.
ALTER TABLE directory_group ADD COLUMN member_count INT DEFAULT 0 NOT NULL;
UPDATE directory_group SET member_count = (
    SELECT COUNT(*) FROM directory_group_member WHERE directory_group_member.group_id = directory_group.id);
