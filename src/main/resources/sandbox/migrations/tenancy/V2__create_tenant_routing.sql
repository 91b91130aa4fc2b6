CREATE TABLE tenant_routing_view (
    issuer text NOT NULL,
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    realm_name text,
    idp_alias text,
    CONSTRAINT tenant_routing_view_issuer_key UNIQUE (issuer),
    CONSTRAINT tenant_routing_view_idp_alias_key UNIQUE (idp_alias)
);
