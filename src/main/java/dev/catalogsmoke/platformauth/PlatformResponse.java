package dev.catalogsmoke.platformauth;

/**
 * The platform's response to one tenant-resolution request: the HTTP status, and the tenant id found at the
 * configured JSON Pointer, or {@code null} when the response has none.
 */
public record PlatformResponse(int status, String tenantId, String bodyExcerpt) {

    public boolean rejected() {
        return status == 401 || status == 403;
    }

    public String describe() {
        return "HTTP " + status + (tenantId == null ? "" : ", tenant " + tenantId)
                + (bodyExcerpt.isEmpty() ? "" : ", body " + bodyExcerpt);
    }
}
