package dev.catalogsmoke.keycloak;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The cookies of one browserless login that crosses realms, sent back by host and path as a browser on loopback
 * would. Keycloak marks its cookies {@code Secure}, which {@link java.net.CookieManager} never sends over plain
 * HTTP, so the suite keeps them itself. A cookie set with {@code Max-Age=0} is removed.
 */
final class LoginCookies {

    private record Cookie(String host, String path, String name, String value) {}

    private final List<Cookie> cookies = new ArrayList<>();

    /** Stores the {@code Set-Cookie} headers of a response to a request for {@code url}. */
    void store(URI url, HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = parts[0].substring(0, equals).strip();
            String value = parts[0].substring(equals + 1).strip();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("path=")) {
                    path = parts[i].strip().substring("path=".length());
                } else if (attribute.equals("max-age=0")) {
                    expired = true;
                }
            }
            String cookiePath = path;
            cookies.removeIf(cookie -> cookie.host().equals(url.getHost())
                    && cookie.path().equals(cookiePath)
                    && cookie.name().equals(name));
            if (!expired) {
                cookies.add(new Cookie(url.getHost(), path, name, value));
            }
        }
    }

    /** Returns the {@code Cookie} header for a request to {@code url}; empty when no cookie applies. */
    String header(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return cookies.stream()
                .filter(cookie -> cookie.host().equals(url.getHost()) && path.startsWith(cookie.path()))
                .map(cookie -> cookie.name() + "=" + cookie.value())
                .collect(Collectors.joining("; "));
    }
}
