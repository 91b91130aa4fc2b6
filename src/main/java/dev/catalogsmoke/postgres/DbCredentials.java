package dev.catalogsmoke.postgres;

/**
 * A database role's user name and password, with where they came from.
 *
 * <p>{@code origin} names the source without its content, such as {@code Secret ns/name (resourceVersion 42)}.
 * {@link #toString()} never shows the password.
 */
public record DbCredentials(String username, String password, String origin) {

    @Override
    public String toString() {
        return "DbCredentials[username=" + username + ", password=<redacted>, origin=" + origin + "]";
    }
}
