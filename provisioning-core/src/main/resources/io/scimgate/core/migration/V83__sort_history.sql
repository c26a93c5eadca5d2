-- A cursor walk with sortBy orders by each resource's sort value as of the walk's start (RULES.md
-- P31), so that a resource renamed during the walk neither moves across the cursor nor is returned
-- twice. A change of a user or group writes, in its transaction, the sortable values it had before
-- (one row, however many of them changed; meta.lastModified changes on every update), at a
-- position from sort_change_position. A walk remembers the position at its start: a resource with a
-- change after it sorts by the values of its first such change, any other by its current values.
-- A writer takes its position while holding a stripe of directory_user_tally, which a walk's start
-- waits for, so that no change with a position before a walk's start commits after it. Rows are
-- pruned 25 hours after the change (SortHistory.RETENTION), longer than a cursor lives (24 hours).
--
-- Column names are the resources' own, so that a sort expression over directory_user or
-- directory_group reads the same column here.
CREATE SEQUENCE sort_change_position;

CREATE TABLE directory_user_sort_change (
    position            BIGINT                   NOT NULL,
    directory_id        VARCHAR(36)              NOT NULL,
    resource_id         VARCHAR(36)              NOT NULL,
    changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name_key       VARCHAR(512),
    external_id         VARCHAR(512),
    display_name_key    VARCHAR(512),
    given_name_key      VARCHAR(512),
    family_name_key     VARCHAR(512),
    title_key           VARCHAR(512),
    employee_number_key VARCHAR(512),
    department_key      VARCHAR(512),
    active              BOOLEAN,
    primary_email       VARCHAR(512),
    created_at          TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT directory_user_sort_change_pk PRIMARY KEY (position),
    CONSTRAINT directory_user_sort_change_dir_fk FOREIGN KEY (directory_id) REFERENCES directory (id) ON DELETE CASCADE
);
CREATE INDEX directory_user_sort_change_dir_ix ON directory_user_sort_change (directory_id, position);
CREATE INDEX directory_user_sort_change_resource_ix ON directory_user_sort_change (resource_id, position);

CREATE TABLE directory_group_sort_change (
    position         BIGINT                   NOT NULL,
    directory_id     VARCHAR(36)              NOT NULL,
    resource_id      VARCHAR(36)              NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    display_name_key VARCHAR(512),
    external_id      VARCHAR(512),
    created_at       TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT directory_group_sort_change_pk PRIMARY KEY (position),
    CONSTRAINT directory_group_sort_change_dir_fk FOREIGN KEY (directory_id) REFERENCES directory (id) ON DELETE CASCADE
);
CREATE INDEX directory_group_sort_change_dir_ix ON directory_group_sort_change (directory_id, position);
CREATE INDEX directory_group_sort_change_resource_ix ON directory_group_sort_change (resource_id, position);
