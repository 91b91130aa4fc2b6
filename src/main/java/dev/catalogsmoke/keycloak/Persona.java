package dev.catalogsmoke.keycloak;

/** A seeded user who logs in to one realm; {@link #toString()} leaves out the password. */
public record Persona(String realm, String username, String password) {

    @Override
    public String toString() {
        return "persona " + username + " of realm " + realm;
    }
}
