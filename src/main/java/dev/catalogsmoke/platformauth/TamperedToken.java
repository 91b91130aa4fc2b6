package dev.catalogsmoke.platformauth;

import java.util.Base64;

/** Builds the forged inputs of the negative contracts from a valid token. */
public final class TamperedToken {

    private TamperedToken() {}

    /** Returns the token with the first byte of its signature inverted, so header and claims stay valid. */
    public static String withBrokenSignature(String jwt) {
        int dot = jwt.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        if (signature.length == 0) {
            throw new IllegalArgumentException("the token has no signature to alter");
        }
        signature[0] = (byte) ~signature[0];
        return jwt.substring(0, dot + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
