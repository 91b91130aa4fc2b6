CREATE TABLE tenants (
    tenant_id uuid PRIMARY KEY,
    tenant_slug text NOT NULL UNIQUE,
    status text NOT NULL DEFAULT 'active',
    created_at timestamptz NOT NULL DEFAULT now()
);
