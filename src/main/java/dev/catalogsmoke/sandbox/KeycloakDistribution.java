package dev.catalogsmoke.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Keycloak distribution that the sandbox starts. The build unpacks {@code
 * org.keycloak:keycloak-quarkus-dist} into {@code target/keycloak} (phase generate-resources); when only the zip is in
 * the local Maven repository, it is unpacked there on first use.
 */
final class KeycloakDistribution {

    /** Must match {@code keycloak.version} in the pom. */
    static final String VERSION = "26.7.3";

    /** System property that points at an unpacked distribution, overriding the default under {@code target/}. */
    static final String HOME_PROPERTY = "catalogsmoke.keycloak.home";

    private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);

    private KeycloakDistribution() {}

    /** Returns the home folder of the distribution, which contains {@code bin/kc.sh}. */
    static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null
                ? Path.of(configured)
                : Path.of("target", "keycloak", "keycloak-" + VERSION).toAbsolutePath();
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = localRepositoryZip();
        if (configured == null && Files.isRegularFile(zip)) {
            unpack(zip, home.getParent());
            return home;
        }
        throw new IllegalStateException("Keycloak distribution not found at " + home + " nor as " + zip
                + "; run 'mvn generate-resources' in the project (it unpacks org.keycloak:keycloak-quarkus-dist:"
                + VERSION + "), set -D" + HOME_PROPERTY + ", or pass --no-keycloak");
    }

    private static Path localRepositoryZip() {
        String repository = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(
                repository,
                "org",
                "keycloak",
                "keycloak-quarkus-dist",
                VERSION,
                "keycloak-quarkus-dist-" + VERSION + ".zip");
    }

    private static void unpack(Path zip, Path target) {
        log.info("unpacking {} into {}", zip, target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException("zip entry " + entry.getName() + " escapes " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    copy(in, file);
                }
            }
            for (String script : new String[] {"kc.sh", "kcadm.sh", "kcreg.sh"}) {
                Path path = target.resolve("keycloak-" + VERSION).resolve("bin").resolve(script);
                if (Files.exists(path)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking " + zip + " failed: " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, Path file) throws IOException {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
