-- One index instead of two for the User a directory user holds (RULES.md P10): the unique key on
-- (directory, provisioned User) and the index on the provisioned User alone become one unique key
-- that leads with the provisioned User. It is the same constraint (a User is held once per
-- directory), and it serves both lookups: the holder of a User in a directory, and a User's
-- holders across the directories of an organization. Every create and every change of a link
-- wrote both B-trees (BENCHMARKS.md, sixth pass).
ALTER TABLE directory_user DROP CONSTRAINT directory_user_provisioned_uk;
ALTER TABLE directory_user ADD CONSTRAINT directory_user_provisioned_uk UNIQUE (provisioned_user_id, directory_id);
DROP INDEX directory_user_provisioned_ix;
