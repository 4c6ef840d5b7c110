package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.accord.testing.TestTokens;
import org.accord.testing.TestTokensInitializer;
import org.accord.web.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Real signed JWTs through the real resource server: who gets in, and what the actor is. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=sample", "accord.security.public-get-paths=/comments/**"})
@AutoConfigureWebTestClient(timeout = "30s")
@ContextConfiguration(initializers = TestTokensInitializer.class)
class ResourceServerIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldResolveTheNationalBodyFromItsToken() {
        http.get().uri("/whoami").headers(h -> h.setBearerAuth(TestTokens.nationalBody("KE"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.memberBody").isEqualTo("KE").jsonPath("$.roles[0]").isEqualTo("NATIONAL_BODY");
    }

    @Test
    void shouldRefuseRequestsWithoutAValidTokenAsProblems() {
        for (String token : new String[] {TestTokens.expired("KE"), TestTokens.fromAnotherIssuer(), TestTokens.signedByAnotherKey(), "not-a-jwt"}) {
            http.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/whoami").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseACorrectlySignedTokenThatNeverExpiresOrIsIssuedInTheFuture() {
        for (String token : new String[] {TestTokens.withoutExpiry("KE"), TestTokens.issuedInTheFuture("KE", Duration.ofMinutes(10))}) {
            http.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge).contains("invalid_token"))
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
    }

    @Test
    void shouldAcceptATokenIssuedWithinTheClockSkew() {
        http.get().uri("/whoami").headers(h -> h.setBearerAuth(TestTokens.issuedInTheFuture("KE", Duration.ofSeconds(20)))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.memberBody").isEqualTo("KE");
    }

    @Test
    void shouldLetAnonymousObserversReadOnlyPublicPaths() {
        http.get().uri("/comments/c-1").exchange().expectStatus().isNotFound();
        http.post().uri("/comments/c-1/withdrawal").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void shouldCloseEachConnectionAfterItsResponseUntilReactorNettyFixesKeepAlive() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Connection", "close");
    }

    @Test
    void shouldForbidARoleTheActionDoesNotAllow() {
        http.post().uri("/committees").headers(h -> h.setBearerAuth(TestTokens.nationalBody("KE"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/committees").headers(h -> h.setBearerAuth(TestTokens.secretariat())).exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Accord sample API")
                .jsonPath("$.paths['/comments']").exists();
    }

}
