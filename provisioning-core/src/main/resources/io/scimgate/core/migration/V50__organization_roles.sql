-- The role catalogue of each organization (RULES.md P26): the roles its members can hold, with a
-- display name and an order. organization.default_role names the default one. A membership's role,
-- its remembered role and every group-to-role mapping name a role of the catalogue; foreign keys
-- hold the first and the last to it, the code checks the remembered role.
CREATE TABLE organization_role (
    organization_id VARCHAR(36)              NOT NULL,
    slug            VARCHAR(64)              NOT NULL,
    name            VARCHAR(256)             NOT NULL,
    position        INT                      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organization_role_pk PRIMARY KEY (organization_id, slug),
    CONSTRAINT organization_role_org_fk FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE
);

-- Existing data migrates into catalogues: every organization gets its default role and each role
-- its memberships (current or remembered) and group mappings use, named after their slug, the
-- default first and the others in slug order.
/* [jooq ignore start] */
INSERT INTO organization_role (organization_id, slug, name, position, created_at, updated_at)
SELECT organization_id, role, role,
       ROW_NUMBER() OVER (PARTITION BY organization_id ORDER BY MAX(is_default) DESC, role),
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM (
    SELECT id AS organization_id, default_role AS role, 1 AS is_default FROM organization
    UNION ALL
    SELECT organization_id, role, 0 FROM organization_membership
    UNION ALL
    SELECT organization_id, remembered_role, 0 FROM organization_membership WHERE remembered_role IS NOT NULL
    UNION ALL
    SELECT organization_id, role, 0 FROM group_role
) roles_in_use
GROUP BY organization_id, role;
/* [jooq ignore stop] */

ALTER TABLE organization_membership ADD CONSTRAINT organization_membership_role_fk
    FOREIGN KEY (organization_id, role) REFERENCES organization_role (organization_id, slug);
ALTER TABLE group_role ADD CONSTRAINT group_role_role_fk
    FOREIGN KEY (organization_id, role) REFERENCES organization_role (organization_id, slug);
CREATE INDEX organization_membership_role_ix ON organization_membership (organization_id, role);
CREATE INDEX group_role_role_ix ON group_role (organization_id, role);
