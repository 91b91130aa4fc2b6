package dev.catalogsmoke.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssuerDifferenceTest {

    private static final String EXPECTED = "https://auth.example.test/realms/acme";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://auth.example.test/realms/acme/|trailing '/'",
                "https://Auth.Example.test/realms/acme|letter case in host 'Auth.Example.test'",
                "https://auth.example.test/realms/ACME|letter case in path '/realms/ACME'",
                "http://auth.example.test/realms/acme|scheme 'http' instead of 'https'",
                "https://auth.example.test:8443/realms/acme|port 8443 instead of none",
                "https://auth.example.test/auth/realms/acme|path prefix '/auth' added",
                "https://keycloak.iam.svc/realms/acme|host 'keycloak.iam.svc' instead of 'auth.example.test'",
            })
    void namesTheDifference(String actual, String difference) {
        assertThat(IssuerDifference.describe(EXPECTED, actual)).isEqualTo(difference);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://auth.example.test/realms/acme/",
                "HTTP://AUTH.EXAMPLE.TEST:80/auth/realms/acme",
                "https://auth.example.test:8443/realms/acme",
            })
    void nearMissesShareLooseKey(String nearMiss) {
        assertThat(IssuerDifference.looseKey(nearMiss)).isEqualTo(IssuerDifference.looseKey(EXPECTED));
    }

    @org.junit.jupiter.api.Test
    void whitespaceIsNamed() {
        assertThat(IssuerDifference.describe(EXPECTED, " " + EXPECTED + "\t")).isEqualTo("surrounding whitespace");
    }

    @org.junit.jupiter.api.Test
    void otherRealmIsNotNearMiss() {
        assertThat(IssuerDifference.looseKey("https://auth.example.test/realms/globex"))
                .isNotEqualTo(IssuerDifference.looseKey(EXPECTED));
    }

    @org.junit.jupiter.api.Test
    void severalDifferencesAreAllNamed() {
        assertThat(IssuerDifference.describe(EXPECTED, "http://auth.example.test:8080/realms/acme/"))
                .isEqualTo("scheme 'http' instead of 'https', port 8080 instead of none, trailing '/'");
    }
}
