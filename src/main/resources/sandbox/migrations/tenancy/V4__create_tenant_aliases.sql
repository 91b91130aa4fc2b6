CREATE TABLE tenant_aliases (
    legacy_tenant_id text PRIMARY KEY,
    tenant_id uuid NOT NULL
);
