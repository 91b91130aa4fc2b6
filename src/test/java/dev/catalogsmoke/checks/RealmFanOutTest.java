package dev.catalogsmoke.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.engine.NotReadyException;
import dev.catalogsmoke.http.BoundedHttp;
import dev.catalogsmoke.keycloak.RealmTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
class RealmFanOutTest {

    private static final SmokeConfig.Keycloak SETTINGS =
            new ConfigLoader(Map.of()).load(null).keycloak();

    private static RealmTarget target(String realm) {
        String issuer = "https://auth.example.test/realms/" + realm;
        return new RealmTarget(new SeedTenant("id-" + realm, realm, realm, issuer), issuer, "routing row's");
    }

    private static RealmFanOut fanOut() {
        return new RealmFanOut(SETTINGS, "realm discovery", "check keycloak.publicUrl");
    }

    @Test
    void valuesKeepRealmOrder() {
        List<RealmTarget> targets =
                IntStream.range(0, 40).mapToObj(i -> target("realm" + i)).toList();
        Findings findings = new Findings();

        Map<RealmTarget, String> values = fanOut().run(targets, target -> slowly(target.realm()), findings);

        assertThat(values.keySet()).containsExactlyElementsOf(targets);
        assertThat(values.get(targets.get(7))).isEqualTo("realm7");
        assertThat(findings.isEmpty()).isTrue();
    }

    @Test
    void failedRealmBecomesFinding() {
        RealmFanOut fanOut = fanOut();
        Findings findings = new Findings();

        Map<RealmTarget, String> values = fanOut.run(
                List.of(target("acme"), target("globex")),
                target -> {
                    if (target.realm().equals("globex")) {
                        throw new BoundedHttp.HttpFailure(
                                "GET https://auth.example.test/realms/globex returned a body larger"
                                        + " than 1048576 bytes");
                    }
                    return target.realm();
                },
                findings);

        assertThat(values).containsOnlyKeys(target("acme"));
        assertThatThrownBy(() -> fanOut.assertNone(findings, "Keycloak realms"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("realm globex (tenant globex): realm discovery failed: GET")
                .hasMessageContaining("larger than 1048576 bytes")
                .hasMessageContaining("check keycloak.publicUrl");
    }

    @Test
    void waitThatRanOutIsNotReady() {
        RealmFanOut fanOut = fanOut();
        Findings findings = new Findings();

        fanOut.run(
                List.of(target("acme"), target("globex"), target("initech")),
                target -> {
                    if (!target.realm().equals("acme")) {
                        throw notReady(target.realm());
                    }
                    return target.realm();
                },
                findings);

        assertThatThrownBy(() -> fanOut.assertNone(findings, "Keycloak realms"))
                .isInstanceOf(NotReadyException.class)
                .hasMessageContaining("2 waits timed out")
                .hasMessageContaining("Keycloak realm globex")
                .hasMessageContaining("Keycloak realm initech");
    }

    @Test
    void findingOutranksNotReady() {
        RealmFanOut fanOut = fanOut();
        Findings findings = new Findings();
        findings.add("realm acme (tenant acme)", "JWKS has no signing key", "add a key");

        fanOut.run(
                List.of(target("globex")),
                target -> {
                    throw notReady(target.realm());
                },
                findings);

        assertThatThrownBy(() -> fanOut.assertNone(findings, "Keycloak realms"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Keycloak realms: 2 problems")
                .hasMessageContaining("realm acme (tenant acme): JWKS has no signing key")
                .hasMessageContaining("realm globex (tenant globex): timed out waiting for Keycloak realm globex");
    }

    @Test
    void noProblemPasses() {
        RealmFanOut fanOut = fanOut();
        Findings findings = new Findings();

        fanOut.run(List.of(target("acme")), RealmTarget::realm, findings);

        fanOut.assertNone(findings, "Keycloak realms");
        assertThat(findings.isEmpty()).isTrue();
    }

    private static NotReadyException notReady(String realm) {
        return new NotReadyException(
                "Keycloak realm " + realm,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                "HTTP 503",
                "raise the budget");
    }

    /** Finishes later for lower numbers, so tasks complete out of order. */
    private static String slowly(String realm) {
        int number = Integer.parseInt(realm.substring("realm".length()));
        try {
            Thread.sleep(40 - number);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return realm;
    }
}
