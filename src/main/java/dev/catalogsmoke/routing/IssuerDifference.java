package dev.catalogsmoke.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Names how two issuer strings that should be equal differ. Issuers are compared as exact strings, as OpenID Connect
 * requires; this only explains a near miss and never makes one pass.
 */
public final class IssuerDifference {

    private IssuerDifference() {}

    /**
     * Returns a loose key under which near misses collide: host without port and case, plus the last path segment.
     * Two issuers with the same key differ only in scheme, port, case, whitespace, a trailing '/' or a path prefix.
     */
    public static String looseKey(String issuer) {
        Parts parts = Parts.of(issuer);
        String path = parts.path().toLowerCase(Locale.ROOT);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return parts.host().toLowerCase(Locale.ROOT) + "|" + lastSegment;
    }

    /** Describes the differences of {@code actual} from {@code expected}, such as {@code trailing '/'}. */
    public static String describe(String expected, String actual) {
        if (expected.equals(actual)) {
            return "no difference";
        }
        List<String> differences = new ArrayList<>();
        if (!actual.equals(actual.strip()) || !expected.equals(expected.strip())) {
            differences.add("surrounding whitespace");
        }
        Parts want = Parts.of(expected);
        Parts got = Parts.of(actual);
        if (!Objects.equals(want.scheme(), got.scheme())) {
            differences.add("scheme '" + got.scheme() + "' instead of '" + want.scheme() + "'");
        }
        if (!want.host().equals(got.host())) {
            differences.add(
                    want.host().equalsIgnoreCase(got.host())
                            ? "letter case in host '" + got.host() + "'"
                            : "host '" + got.host() + "' instead of '" + want.host() + "'");
        }
        if (want.port() != got.port()) {
            differences.add("port " + portText(got.port()) + " instead of " + portText(want.port()));
        }
        describePath(want.path(), got.path(), differences);
        return differences.isEmpty() ? "different text" : String.join(", ", differences);
    }

    private static void describePath(String expected, String actual, List<String> differences) {
        String wantTrimmed = stripTrailingSlash(expected);
        String gotTrimmed = stripTrailingSlash(actual);
        if (expected.endsWith("/") != actual.endsWith("/")) {
            differences.add(actual.endsWith("/") ? "trailing '/'" : "missing trailing '/'");
        }
        if (wantTrimmed.equals(gotTrimmed)) {
            return;
        }
        if (wantTrimmed.equalsIgnoreCase(gotTrimmed)) {
            differences.add("letter case in path '" + gotTrimmed + "'");
        } else if (gotTrimmed.endsWith(wantTrimmed)) {
            differences.add(
                    "path prefix '" + gotTrimmed.substring(0, gotTrimmed.length() - wantTrimmed.length()) + "' added");
        } else if (wantTrimmed.endsWith(gotTrimmed)) {
            differences.add("path prefix '" + wantTrimmed.substring(0, wantTrimmed.length() - gotTrimmed.length())
                    + "' missing");
        } else {
            differences.add("path '" + gotTrimmed + "' instead of '" + wantTrimmed + "'");
        }
    }

    private static String stripTrailingSlash(String path) {
        String result = path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String portText(int port) {
        return port < 0 ? "none" : String.valueOf(port);
    }

    /** Scheme, host, port and path of an issuer, read leniently so that a malformed one still compares. */
    private record Parts(String scheme, String host, int port, String path) {

        static Parts of(String issuer) {
            String text = issuer.strip();
            try {
                URI uri = new URI(text);
                if (uri.getHost() != null) {
                    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                    return new Parts(uri.getScheme(), uri.getHost(), uri.getPort(), path);
                }
            } catch (URISyntaxException e) {
                // Falls through: a malformed issuer is compared as plain text.
            }
            return new Parts(null, "", -1, text);
        }
    }
}
