package dev.catalogsmoke.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** The ids the sandbox derives, recomputed so tests can name the exact values a message must show. */
final class SandboxIds {

    static final String ISSUER_BASE = "http://127.0.0.1:18080/realms/";

    private SandboxIds() {}

    /** Returns a tenant id as the sandbox derives it from the slug. */
    static String tenantId(String slug) {
        return UUID.nameUUIDFromBytes(("tenant/" + slug).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Returns PostgreSQL's {@code md5(text)::uuid}, which the sandbox seed uses for user ids and subjects. */
    static String md5Uuid(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
