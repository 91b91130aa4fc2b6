package dev.catalogsmoke.checks;

import static dev.catalogsmoke.config.CutoverPhase.BACKFILL;
import static dev.catalogsmoke.config.CutoverPhase.CUTOVER;
import static dev.catalogsmoke.config.CutoverPhase.LOCKDOWN;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.CutoverConfig;
import dev.catalogsmoke.config.CutoverConfig.Legacy;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.SmokeConfig.ExternalIdentitiesTable;
import dev.catalogsmoke.config.SmokeConfig.RoutingTable;
import dev.catalogsmoke.cutover.KeyedRows;
import dev.catalogsmoke.cutover.ParityFindings;
import dev.catalogsmoke.cutover.ParityResult;
import dev.catalogsmoke.cutover.ParityResult.Kind;
import dev.catalogsmoke.cutover.ParityScan;
import dev.catalogsmoke.engine.AppliesIn;
import dev.catalogsmoke.engine.SmokeContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Compares the legacy routing rows and external identity links with their copies in the new catalogs.
 *
 * <p>Right after the backfill both sides must be the same set. From cutover on, the services write only the new
 * catalogs, so rows that exist only there are expected. Every legacy row must still have its twin.
 */
@CheckSuite
@DisplayName("cutover backfill")
@Tag("cutover")
@Tag("postgres")
@Order(80)
class BackfillParityCheck {

    /** Keys listed per kind of difference in a failure message. */
    private static final int SAMPLE = 5;

    /** Kinds that fail the drift checks: all but new rows, which the services create after cutover. */
    private static final Set<Kind> DRIFT = EnumSet.complementOf(EnumSet.of(Kind.EXTRA, Kind.NULL_KEY_IN_NEW));

    @Test
    @Order(1)
    @Tag("parity")
    @AppliesIn(BACKFILL)
    @DisplayName("legacy and tenancy routing rows are the same set of issuer to tenant")
    @Verifies("Every legacy routing row has a tenancy routing row with the same issuer and tenant, and the other way"
            + " round. Both tables are streamed sorted and merged: two statements, bounded memory at any row count.")
    void routingMatchesLegacy(SmokeContext context, TestReporter reporter) throws SQLException {
        compare(context, reporter, routing(context.config()), Catalog.TENANCY, EnumSet.allOf(Kind.class));
    }

    @Test
    @Order(2)
    @Tag("parity")
    @AppliesIn(BACKFILL)
    @DisplayName("legacy and identity external identity links are the same set of issuer and subject to user")
    @Verifies("Every legacy external identity link has an identity link with the same issuer, subject and user, and"
            + " the other way round, compared set-wise like the routing rows.")
    void externalIdentitiesMatchLegacy(SmokeContext context, TestReporter reporter) throws SQLException {
        compare(context, reporter, externalIdentities(context.config()), Catalog.IDENTITY, EnumSet.allOf(Kind.class));
    }

    @Test
    @Order(3)
    @Tag("drift")
    @AppliesIn({CUTOVER, LOCKDOWN})
    @DisplayName("every legacy routing row still has its twin in tenancy")
    @Verifies("Every legacy routing row still has a tenancy row with the same issuer and tenant. Issuers that exist"
            + " only in tenancy were created after cutover and are allowed.")
    void routingHasNotDrifted(SmokeContext context, TestReporter reporter) throws SQLException {
        compare(context, reporter, routing(context.config()), Catalog.TENANCY, DRIFT);
    }

    @Test
    @Order(4)
    @Tag("drift")
    @AppliesIn({CUTOVER, LOCKDOWN})
    @DisplayName("every legacy external identity link still has its twin in identity")
    @Verifies("Every legacy external identity link still has an identity link with the same issuer, subject and"
            + " user. Links that exist only in identity were created after cutover and are allowed.")
    void externalIdentitiesHaveNotDrifted(SmokeContext context, TestReporter reporter) throws SQLException {
        compare(context, reporter, externalIdentities(context.config()), Catalog.IDENTITY, DRIFT);
    }

    private static void compare(
            SmokeContext context, TestReporter reporter, List<KeyedRows> sides, Catalog catalog, Set<Kind> failing)
            throws SQLException {
        KeyedRows legacy = sides.get(0);
        KeyedRows current = sides.get(1);
        long started = System.nanoTime();
        ParityResult result;
        try (Connection legacySession = context.legacy().open();
                Connection newSession = context.sessions().open(catalog)) {
            result = ParityScan.scan(legacySession, legacy, newSession, current, SAMPLE);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        reporter.publishEntry(evidence(legacy, current, result, millis));

        ParityFindings parity = new ParityFindings(legacy, current);
        Findings findings = new Findings();
        findings.addAll(parity.problems(result, failing));
        findings.assertNone(parity.summary(result));
    }

    private static Map<String, String> evidence(KeyedRows legacy, KeyedRows current, ParityResult result, long millis) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("legacyTable", legacy.describe());
        entry.put("legacyRows", String.valueOf(result.legacyRows()));
        entry.put("newTable", current.describe());
        entry.put("newRows", String.valueOf(result.newRows()));
        entry.put("matchedKeys", String.valueOf(result.matchedKeys()));
        for (Kind kind : Kind.values()) {
            entry.put(kind.name().toLowerCase(java.util.Locale.ROOT), String.valueOf(result.count(kind)));
        }
        entry.put("comparisonMillis", String.valueOf(millis));
        return entry;
    }

    private static List<KeyedRows> routing(SmokeConfig config) {
        Legacy legacy = config.cutover().legacy();
        CutoverConfig.LegacyRoutingTable old = legacy.routing();
        RoutingTable current = config.model().tenancy().routing();
        return List.of(
                new KeyedRows(legacy.database(), legacy.schema(), old.table(), List.of(old.issuer()), old.tenantId()),
                new KeyedRows(
                        config.catalog(Catalog.TENANCY).database(),
                        config.model().tenancy().schema(),
                        current.table(),
                        List.of(current.issuer()),
                        current.tenantId()));
    }

    private static List<KeyedRows> externalIdentities(SmokeConfig config) {
        Legacy legacy = config.cutover().legacy();
        ExternalIdentitiesTable old = legacy.externalIdentities();
        ExternalIdentitiesTable current = config.model().identity().externalIdentities();
        return List.of(
                new KeyedRows(
                        legacy.database(),
                        legacy.schema(),
                        old.table(),
                        List.of(old.issuer(), old.subject()),
                        old.userId()),
                new KeyedRows(
                        config.catalog(Catalog.IDENTITY).database(),
                        config.model().identity().schema(),
                        current.table(),
                        List.of(current.issuer(), current.subject()),
                        current.userId()));
    }
}
