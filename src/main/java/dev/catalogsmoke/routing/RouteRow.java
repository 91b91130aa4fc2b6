package dev.catalogsmoke.routing;

/** One row of the routing table, with whether its tenant exists and the tenant's status. */
public record RouteRow(String issuer, String tenantId, boolean tenantExists, String tenantStatus) {}
