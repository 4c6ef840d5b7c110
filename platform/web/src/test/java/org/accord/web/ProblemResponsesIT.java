package org.accord.web;

import org.accord.web.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=sample", "accord.max-request-size=2KB",
                "accord.security.public-get-paths=/comments/**"})
@AutoConfigureWebTestClient
@org.springframework.test.context.ContextConfiguration(initializers = org.accord.testing.TestTokensInitializer.class)
class ProblemResponsesIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldNameTheFieldThatFailsBeanValidation() {
        post("{\"memberBody\":\"\",\"clause\":\"3.2\",\"type\":\"te\",\"line\":1}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("memberBody");
    }

    @Test
    void shouldNameTheFieldOfAnUnknownEnumValue() {
        post("{\"memberBody\":\"FR\",\"type\":\"xx\",\"line\":1}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("type")
                .jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m).contains("ge"));
    }

    @Test
    void shouldRefuseANulCharacterOrHalfASurrogatePairInTextWith422NamingTheField() {
        post("{\"memberBody\":\"FR\\u0000\",\"type\":\"te\",\"line\":1}")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("memberBody")
                .jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m).contains("NUL"));
        post("{\"memberBody\":\"FR\",\"clause\":\"3\\ud800\",\"type\":\"te\",\"line\":1}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("clause");
        post("{\"memberBody\":\"FR\",\"clause\":\"3\\udc00\",\"type\":\"te\",\"line\":1}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("clause");
        // A whole pair is a character like any other.
        post("{\"memberBody\":\"FR\",\"clause\":\"3 \\ud83d\\ude00\",\"type\":\"te\",\"line\":1}")
                .expectStatus().isCreated();
    }

    @Test
    void shouldNameAFieldOfTheWrongType() {
        post("{\"memberBody\":\"FR\",\"type\":\"te\",\"line\":\"twelve\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("line");
    }

    @Test
    void shouldRefuseANumberForAStringAndForAnEnumInsteadOfConvertingIt() {
        post("{\"memberBody\":12,\"type\":\"te\",\"line\":1}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("memberBody");
        post("{\"memberBody\":\"FR\",\"type\":0,\"line\":1}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        post("{\"memberBody\":\"FR\",\"type\":\"te\",\"line\":\"1\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("line");
    }

    @Test
    void shouldAnswerARequestTheFirewallRefusesAsAProblem() {
        http.get().uri("/comments/{id}", "a/b").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void shouldRefuseAnUnknownFieldByName() {
        post("{\"memberBody\":\"FR\",\"type\":\"te\",\"line\":1,\"memberbody\":\"DE\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("memberbody");
    }

    @Test
    void shouldAnswerMalformedJsonWith400() {
        post("{\"memberBody\":")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldNameAMissingQueryParameter() {
        http.get().uri("/comments").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("clause");
    }

    @Test
    void shouldAnswerAnUnsupportedMediaTypeWith415() {
        http.post().uri("/comments").headers(h -> h.setBearerAuth(org.accord.testing.TestTokens.editor())).contentType(MediaType.TEXT_PLAIN).bodyValue("FR,12,1")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413() {
        post("{\"memberBody\":\"" + "x".repeat(5000) + "\",\"type\":\"te\",\"line\":1}")
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerNotFoundAndConflictsAsProblems() {
        http.get().uri("/comments/c-9").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.id").isEqualTo("c-9");
        http.post().uri("/comments/c-9/withdrawal").headers(h -> h.setBearerAuth(org.accord.testing.TestTokens.editor())).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.stage").isEqualTo("30.60").jsonPath("$.title").isEqualTo("Period closed");
    }

    @Test
    void shouldAnswerAnUnknownPathAsAProblem() {
        http.get().uri("/nothing-here").headers(h -> h.setBearerAuth(org.accord.testing.TestTokens.editor())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec post(String json) {
        return http.post().uri("/comments").headers(h -> h.setBearerAuth(org.accord.testing.TestTokens.editor())).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
