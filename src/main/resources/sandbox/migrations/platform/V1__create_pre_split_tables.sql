-- The catalogs before the split: identity and tenancy tables side by side in one database, so foreign keys
-- still cross between them.
CREATE TABLE users (
    user_id uuid PRIMARY KEY,
    email text NOT NULL,
    display_name text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE external_identities (
    issuer text NOT NULL,
    subject text NOT NULL,
    user_id uuid NOT NULL REFERENCES users (user_id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT external_identities_issuer_subject_key UNIQUE (issuer, subject)
);

CREATE TABLE tenants (
    tenant_id uuid PRIMARY KEY,
    tenant_slug text NOT NULL UNIQUE,
    status text NOT NULL DEFAULT 'active',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The legacy routing table has no unique constraint on issuer, which is how one issuer came to route to two
-- tenants; the new tenancy catalog adds the constraint.
CREATE TABLE tenant_routing (
    issuer text NOT NULL,
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    realm_name text,
    idp_alias text
);

CREATE INDEX tenant_routing_issuer_idx ON tenant_routing (issuer);

-- Services read and wrote routing through this view. PostgreSQL makes a single-table view like this one
-- updatable, so writes through it land in tenant_routing.
CREATE VIEW tenant_routing_view AS SELECT issuer, tenant_id, realm_name, idp_alias FROM tenant_routing;

CREATE TABLE organizations (
    organization_id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    name text NOT NULL
);

CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (organization_id),
    user_id uuid NOT NULL REFERENCES users (user_id),
    role text NOT NULL,
    PRIMARY KEY (organization_id, user_id, role)
);

CREATE TABLE tenant_aliases (
    legacy_tenant_id text PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id)
);
