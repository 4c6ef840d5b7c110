package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.accord.http.client.ClientCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity service over real HTTP on a fixed port, so the issuer in its tokens and discovery
 * documents is the URL a resource server reaches it at (issuer-uri discovery checks that).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityServerIT {

    private static final int PORT = freePort();
    private static final String ISSUER = "http://localhost:" + PORT;

    @TempDir
    static Path keyDirectory;
    private static final String SECRETARIAT_SECRET = "a-secret-from-the-environment";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("accord.identity.issuer", () -> ISSUER);
        registry.add("accord.identity.key-file", () -> keyDirectory.resolve("identity/jwk.json").toString());
        registry.add("ACCORD_CLIENT_SECRET_SECRETARIAT", () -> SECRETARIAT_SECRET);
        // The published <client-id>-secret of the local stack, asked for explicitly (off by default).
        registry.add("accord.identity.development-secrets", () -> true);
    }

    @Test
    void shouldIssueANationalBodyAFifteenMinuteTokenWhoseClaimsVerifyAgainstTheJwks() throws Exception {
        HttpResponse<String> response = requestToken(ISSUER, "nb-ke", "nb-ke-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(899L, 900L);

        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build().decode(body.path("access_token").asString());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getSubject()).isEqualTo("nb-ke");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("national-body");
        assertThat(jwt.getClaimAsString("member_body")).isEqualTo("KE");
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldLetAResourceServerVerifyTheTokenFromTheIssuerUriAlone() throws Exception {
        String token = accessToken(ISSUER, "nb-gh", "nb-gh-secret");

        // The decoder every Accord service builds from spring.security.oauth2.resourceserver.jwt.issuer-uri.
        Jwt jwt = NimbusReactiveJwtDecoder.withIssuerLocation(ISSUER).build().decode(token).block(Duration.ofSeconds(10));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("national-body");
        assertThat(jwt.getClaimAsString("member_body")).isEqualTo("GH");
    }

    @Test
    void shouldPublishBothDiscoveryDocumentsNamingTheIssuerAndItsEndpoints() throws Exception {
        for (String document : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            HttpResponse<String> response = get(ISSUER + document);

            assertThat(response.statusCode()).as(document).isEqualTo(200);
            JsonNode metadata = JSON.readTree(response.body());
            assertThat(metadata.path("issuer").asString()).isEqualTo(ISSUER);
            assertThat(metadata.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
            assertThat(metadata.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        }
    }

    @Test
    void shouldGiveTheEditorAndTheSecretariatTheirRolesAndNoMemberBody() throws Exception {
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();

        Jwt editor = decoder.decode(accessToken(ISSUER, "editor", "editor-secret"));
        Jwt secretariat = decoder.decode(accessToken(ISSUER, "secretariat", SECRETARIAT_SECRET));

        assertThat(editor.getSubject()).isEqualTo("editor");
        assertThat(editor.getClaimAsStringList("roles")).containsExactly("editor");
        assertThat(editor.hasClaim("member_body")).isFalse();
        assertThat(secretariat.getClaimAsStringList("roles")).containsExactly("secretariat");
        assertThat(secretariat.hasClaim("member_body")).isFalse();
    }

    @Test
    void shouldReplaceTheDevelopmentSecretWhenTheEnvironmentSetsOne() throws Exception {
        HttpResponse<String> response = requestToken(ISSUER, "secretariat", "secretariat-secret");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAWrongSecretWithInvalidClient() throws Exception {
        HttpResponse<String> response = requestToken(ISSUER, "nb-ke", "nb-de-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void shouldRefuseAnUnknownClient() throws Exception {
        HttpResponse<String> response = requestToken(ISSUER, "nb-xx", "nb-xx-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void shouldRefuseAGrantOtherThanClientCredentials() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", basic("nb-ke", "nb-ke-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=a&password=b"))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void shouldKeepTokensValidAcrossARestartWithTheSameKeyDirectory(@TempDir Path keyDirectory) throws Exception {
        String token;
        String kid;
        try (ConfigurableApplicationContext first = startIdentity(keyDirectory)) {
            String issuer = issuerOf(first);
            token = accessToken(issuer, "nb-ke", "nb-ke-secret");
            kid = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build().decode(token).getHeaders().get("kid").toString();
        }
        assertThat(keyDirectory.resolve("identity/jwk.json")).exists();

        try (ConfigurableApplicationContext restarted = startIdentity(keyDirectory)) {
            Jwt jwt = NimbusJwtDecoder.withJwkSetUri(issuerOf(restarted) + "/oauth2/jwks").build().decode(token);

            assertThat(jwt.getHeaders()).containsEntry("kid", kid);
            assertThat(jwt.getClaimAsString("member_body")).isEqualTo("KE");
        }
    }

    @Test
    void shouldNotVerifyATokenAgainstTheKeysOfAServerWithAnotherKeyDirectory(@TempDir Path otherKeys) throws Exception {
        String token = accessToken(ISSUER, "nb-ke", "nb-ke-secret");

        try (ConfigurableApplicationContext other = startIdentity(otherKeys)) {
            JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuerOf(other) + "/oauth2/jwks").build();

            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
        }
    }

    @Test
    void shouldExposeHealthAndPrometheusWithoutAToken() throws Exception {
        HttpResponse<String> health = get(ISSUER + "/actuator/health");
        HttpResponse<String> prometheus = get(ISSUER + "/actuator/prometheus");
        HttpResponse<String> environment = get(ISSUER + "/actuator/env");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"identity\"");
        assertThat(environment.statusCode()).isNotEqualTo(200);
    }

    private static ConfigurableApplicationContext startIdentity(Path keyDirectory) {
        return new SpringApplicationBuilder(IdentityApplication.class)
                .run("--server.port=0", "--accord.identity.development-secrets=true",
                        "--accord.identity.key-file=" + keyDirectory.resolve("identity/jwk.json"));
    }

    private static String issuerOf(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static String accessToken(String issuer, String clientId, String secret) throws Exception {
        HttpResponse<String> response = requestToken(issuer, clientId, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> requestToken(String issuer, String clientId, String secret) throws Exception {
        return ClientCredentials.request(HTTP, issuer + "/oauth2/token", clientId, secret);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
