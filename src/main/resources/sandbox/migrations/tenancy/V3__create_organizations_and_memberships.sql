CREATE TABLE organizations (
    organization_id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    name text NOT NULL
);

-- user_id lives in the identity database, so no foreign key can guard it.
CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (organization_id),
    user_id uuid NOT NULL,
    role text NOT NULL,
    PRIMARY KEY (organization_id, user_id, role)
);

CREATE INDEX memberships_user_id_idx ON memberships (user_id);
