package org.accord.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Real signed JWTs for service tests: an RSA key per test JVM whose public half is served as a
 * JWK set over HTTP, so the services' resource-server configuration verifies the tokens exactly
 * as it verifies the identity service's. Also mints the tokens that must be refused: expired,
 * without {@code exp}, issued in the future, from another issuer, signed by another key.
 */
public final class TestTokens {

    private static RSAKey key;
    private static RSAKey strangerKey;
    private static HttpServer server;
    private static String issuer;

    private TestTokens() {
    }

    public static synchronized String issuer() {
        start();
        return issuer;
    }

    public static synchronized String jwkSetUri() {
        start();
        return issuer + "/oauth2/jwks";
    }

    public static String editor() {
        return token("editor", List.of("editor"), null, Duration.ofMinutes(10), issuer(), key());
    }

    public static String secretariat() {
        return token("secretariat", List.of("secretariat"), null, Duration.ofMinutes(10), issuer(), key());
    }

    /** A national body's token: role {@code national-body}, claim {@code member_body}. */
    public static String nationalBody(String memberBody) {
        return token("nb-" + memberBody.toLowerCase(), List.of("national-body"), memberBody, Duration.ofMinutes(10), issuer(), key());
    }

    public static String expired(String memberBody) {
        return token("nb-" + memberBody.toLowerCase(), List.of("national-body"), memberBody, Duration.ofMinutes(-10), issuer(), key());
    }

    public static String fromAnotherIssuer() {
        return token("editor", List.of("editor"), null, Duration.ofMinutes(10), "https://issuer.example.org", key());
    }

    public static String signedByAnotherKey() {
        return token("editor", List.of("editor"), null, Duration.ofMinutes(10), issuer(), strangerKey());
    }

    /** Correctly signed by the test issuer, but with no {@code exp}: it would never end. */
    public static String withoutExpiry(String memberBody) {
        Instant now = Instant.now();
        return sign(nationalBodyClaims(memberBody, now.minusSeconds(1)).build(), key());
    }

    /** Correctly signed by the test issuer, valid for ten minutes from an {@code iat} that lies {@code ahead} in the future. */
    public static String issuedInTheFuture(String memberBody, Duration ahead) {
        Instant issued = Instant.now().plus(ahead);
        // nbf stays in the past, so only iat can be the reason for a refusal.
        return sign(nationalBodyClaims(memberBody, issued).notBeforeTime(Date.from(Instant.now().minusSeconds(1)))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(10)))).build(), key());
    }

    public static String token(String subject, List<String> roles, String memberBody, Duration validFor, String tokenIssuer,
                               RSAKey signingKey) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = claims(subject, roles, memberBody, tokenIssuer,
                now.minusSeconds(validFor.isNegative() ? 3600 : 1))
                .expirationTime(Date.from(now.plus(validFor)));
        return sign(claims.build(), signingKey);
    }

    private static JWTClaimsSet.Builder nationalBodyClaims(String memberBody, Instant issued) {
        return claims("nb-" + memberBody.toLowerCase(), List.of("national-body"), memberBody, issuer(), issued);
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles, String memberBody, String tokenIssuer,
                                               Instant issued) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(tokenIssuer)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .claim("roles", roles);
        if (memberBody != null) {
            claims.claim("member_body", memberBody);
        }
        return claims;
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key the test issuer signs with. */
    public static synchronized RSAKey key() {
        start();
        return key;
    }

    private static synchronized RSAKey strangerKey() {
        if (strangerKey == null) {
            strangerKey = generate("stranger");
        }
        return strangerKey;
    }

    private static void start() {
        if (server != null) {
            return;
        }
        key = generate("accord-test");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-shutdown"));
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
