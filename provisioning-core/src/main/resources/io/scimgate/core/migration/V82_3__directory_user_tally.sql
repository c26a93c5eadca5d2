-- How many users each directory has, so that an unfiltered list page answers totalResults without
-- counting the directory's rows (a COUNT per page walked the whole directory index). A create adds
-- one and a delete takes one away in the same transaction as the row, so the sum is exact. Each
-- directory's count is split over a few stripes (a writing thread uses one), so that concurrent
-- creates in one directory do not all wait on one row until commit; the count is their sum.
CREATE TABLE directory_user_tally (
    directory_id VARCHAR(36) NOT NULL,
    stripe       INT         NOT NULL,
    users        BIGINT      NOT NULL,
    CONSTRAINT directory_user_tally_pk PRIMARY KEY (directory_id, stripe),
    CONSTRAINT directory_user_tally_dir_fk FOREIGN KEY (directory_id) REFERENCES directory (id) ON DELETE CASCADE
);
-- Every directory gets its stripes at once (DirectoryUserTally.STRIPES), so that no two writers
-- ever race to insert the same stripe.
INSERT INTO directory_user_tally (directory_id, stripe, users)
    SELECT directory.id, 0, (SELECT COUNT(*) FROM directory_user WHERE directory_user.directory_id = directory.id)
    FROM directory
    UNION ALL SELECT id, 1, 0 FROM directory
    UNION ALL SELECT id, 2, 0 FROM directory
    UNION ALL SELECT id, 3, 0 FROM directory
    UNION ALL SELECT id, 4, 0 FROM directory
    UNION ALL SELECT id, 5, 0 FROM directory
    UNION ALL SELECT id, 6, 0 FROM directory
    UNION ALL SELECT id, 7, 0 FROM directory;
