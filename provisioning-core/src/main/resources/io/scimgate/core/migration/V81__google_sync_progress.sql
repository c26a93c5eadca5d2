-- A Google sync run's progress while it runs (written after each page of users): the pages read
-- from the Admin SDK so far (groups, members and users) and the directory users written so far.
ALTER TABLE google_sync_run ADD COLUMN pages_fetched INT DEFAULT 0 NOT NULL;
ALTER TABLE google_sync_run ADD COLUMN users_written INT DEFAULT 0 NOT NULL;
