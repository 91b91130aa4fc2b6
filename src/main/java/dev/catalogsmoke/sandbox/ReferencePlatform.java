package dev.catalogsmoke.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catalogsmoke.keycloak.OidcHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference platform-auth service: {@code GET /v1/tenant-resolution} with a bearer token returns the tenant that
 * the tenancy routing table contains for the token's issuer. It looks the issuer up first and rejects an unknown one
 * with 403, then verifies the RS256 signature against that issuer's JWKS and the {@code exp}, {@code iss} and {@code
 * aud} claims (401 on failure). A {@code tenantId} claim and a tenant header are ignored.
 *
 * <p>Tokens of the broker realm (routing key strategy {@code idp_alias}) are verified first, then routed by the
 * alias in their {@link SandboxRealms#ALIAS_CLAIM} claim through the routing table's {@code idp_alias} column; an
 * alias without a row is rejected with 403.
 *
 * <p>The {@code PLATFORM_*} faults each break one of these rules, as a buggy platform would.
 */
final class ReferencePlatform implements AutoCloseable {

    static final String PATH = "/v1/tenant-resolution";
    static final String TENANT_HEADER = "X-Tenant-Id";

    private static final Logger log = LoggerFactory.getLogger(ReferencePlatform.class);

    /**
     * Connect and read timeout of a JWKS fetch. Nimbus's default of 500 ms failed logins on a loaded 2-core
     * machine, where Keycloak took longer to serve its keys.
     */
    private static final int JWKS_TIMEOUT_MILLIS = 10_000;

    private static final int JWKS_MAX_BYTES = 1 << 20;

    private final HttpServer server;
    private final EmbeddedCluster cluster;
    private final Set<Fault> faults;
    private final String brokerIssuer;
    private final Map<String, JWKSource<SecurityContext>> keySources = new ConcurrentHashMap<>();

    private ReferencePlatform(HttpServer server, EmbeddedCluster cluster, Set<Fault> faults, String brokerIssuer) {
        this.server = server;
        this.cluster = cluster;
        this.faults = faults;
        this.brokerIssuer = brokerIssuer;
    }

    static ReferencePlatform start(EmbeddedCluster cluster, Set<Fault> faults, String brokerIssuer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            ReferencePlatform platform = new ReferencePlatform(server, cluster, faults, brokerIssuer);
            server.createContext(PATH, platform::handle);
            server.start();
            log.info("reference platform listens on {} (faults {})", platform.endpoint(), faults);
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the reference platform: " + e.getMessage(), e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response = resolve(exchange);
            byte[] body = OidcHttp.toJson(response.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Response resolve(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.error(401, "missing_token");
        }
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return Response.error(401, "malformed_token");
        }
        if (brokerIssuer.equals(issuer)) {
            return resolveByAlias(jwt, issuer, exchange);
        }
        Optional<String> routed = routedTenant(issuer);
        if (routed.isEmpty()) {
            return unknownIssuer(issuer);
        }
        Optional<String> invalid = verify(jwt, issuer);
        if (invalid.isPresent()) {
            log.info("reference platform rejected a token of issuer {}: {}", issuer, invalid.get());
            return Response.error(401, "invalid_token");
        }
        return Response.tenant(chooseTenant(routed.get(), jwt, exchange), issuer);
    }

    private Response resolveByAlias(SignedJWT jwt, String issuer, HttpExchange exchange) {
        Optional<String> invalid = verify(jwt, issuer);
        if (invalid.isPresent()) {
            log.info("reference platform rejected a broker token: {}", invalid.get());
            return Response.error(401, "invalid_token");
        }
        String alias;
        try {
            alias = jwt.getJWTClaimsSet().getStringClaim(SandboxRealms.ALIAS_CLAIM);
        } catch (ParseException e) {
            alias = null;
        }
        if (alias == null) {
            log.info("reference platform rejected a broker token without claim {}", SandboxRealms.ALIAS_CLAIM);
            return Response.error(403, "missing_identity_provider");
        }
        Optional<String> routed =
                queryOne("SELECT tenant_id::text FROM tenant_routing_view WHERE idp_alias = ?", alias);
        if (routed.isEmpty()) {
            return unknownIssuer(issuer + " (identity provider " + alias + ")");
        }
        return Response.tenant(chooseTenant(routed.get(), jwt, exchange), issuer);
    }

    private Response unknownIssuer(String issuer) {
        if (faults.contains(Fault.PLATFORM_DEFAULTS_UNKNOWN_ISSUER)) {
            return Response.tenant(defaultTenant(), issuer);
        }
        log.info("reference platform rejected issuer {}: no routing row", issuer);
        return Response.error(403, "unknown_issuer");
    }

    private String chooseTenant(String routed, SignedJWT jwt, HttpExchange exchange) {
        if (faults.contains(Fault.PLATFORM_TRUSTS_TENANT_CLAIM)) {
            try {
                String claimed = jwt.getJWTClaimsSet().getStringClaim(SandboxRealms.TENANT_CLAIM);
                if (claimed != null) {
                    return claimed;
                }
            } catch (ParseException e) {
                return routed;
            }
        }
        String header = exchange.getRequestHeaders().getFirst(TENANT_HEADER);
        if (faults.contains(Fault.PLATFORM_TRUSTS_TENANT_HEADER) && header != null) {
            return header;
        }
        return routed;
    }

    /** Returns why the token is invalid, or empty when its signature and claims verify. */
    private Optional<String> verify(SignedJWT jwt, String issuer) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource(issuer)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                SandboxRealms.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("exp", "iss")));
        try {
            if (faults.contains(Fault.PLATFORM_SKIPS_SIGNATURE)) {
                processor.getJWTClaimsSetVerifier().verify(jwt.getJWTClaimsSet(), null);
            } else {
                processor.process(jwt, null);
            }
            return Optional.empty();
        } catch (BadJOSEException | JOSEException | ParseException e) {
            return Optional.of(e.getMessage());
        }
    }

    private JWKSource<SecurityContext> keySource(String issuer) {
        return keySources.computeIfAbsent(issuer, key -> {
            try {
                return JWKSourceBuilder.create(
                                URI.create(key + "/protocol/openid-connect/certs")
                                        .toURL(),
                                new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_MAX_BYTES))
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("issuer " + key + " gives no JWKS URL", e);
            }
        });
    }

    private Optional<String> routedTenant(String issuer) {
        return queryOne("SELECT tenant_id::text FROM tenant_routing_view WHERE issuer = ?", issuer);
    }

    private String defaultTenant() {
        return queryOne("SELECT tenant_id::text FROM tenants WHERE tenant_slug = ?", "acme")
                .orElse("");
    }

    private Optional<String> queryOne(String sql, String parameter) {
        try (Connection tenancy = cluster.superuser("tenancy");
                PreparedStatement statement = tenancy.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reference platform: routing lookup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An HTTP status with its JSON body. */
    private record Response(int status, Map<String, String> body) {

        static Response tenant(String tenantId, String issuer) {
            return new Response(200, Map.of("tenantId", tenantId, "issuer", issuer));
        }

        static Response error(int status, String error) {
            return new Response(status, Map.of("error", error));
        }
    }
}
