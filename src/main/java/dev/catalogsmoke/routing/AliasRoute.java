package dev.catalogsmoke.routing;

/**
 * One routing row read by identity provider alias: the alias (may be {@code null} on a row found by its tenant), the
 * tenant, whether the tenant exists and its status.
 */
public record AliasRoute(String alias, String tenantId, boolean tenantExists, String tenantStatus) {}
