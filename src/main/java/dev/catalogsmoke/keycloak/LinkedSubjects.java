package dev.catalogsmoke.keycloak;

import dev.catalogsmoke.config.SmokeConfig.IdentityModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Reads the external subjects that the identity catalog links to one issuer. */
public final class LinkedSubjects {

    private static final int FETCH_SIZE = 5_000;

    private LinkedSubjects() {}

    /** Returns every subject linked to {@code issuer}, compared as an exact string, in one streamed statement. */
    public static Set<String> of(Connection identity, IdentityModel model, String issuer) throws SQLException {
        String sql = "SELECT " + model.externalIdentities().subject().quoted() + " FROM "
                + model.schema().quoted() + "."
                + model.externalIdentities().table().quoted() + " WHERE "
                + model.externalIdentities().issuer().quoted() + " = ?";
        Set<String> subjects = new HashSet<>();
        boolean autoCommit = identity.getAutoCommit();
        identity.setAutoCommit(false);
        try (PreparedStatement statement = identity.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, issuer);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    subjects.add(rows.getString(1));
                }
            }
        } finally {
            identity.rollback();
            identity.setAutoCommit(autoCommit);
        }
        return subjects;
    }
}
