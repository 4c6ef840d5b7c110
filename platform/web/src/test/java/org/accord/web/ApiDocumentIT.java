package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.accord.testing.TestTokensInitializer;
import org.accord.web.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the shared document customizer adds to a service's OpenAPI document. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=sample", "accord.security.public-get-paths=/comments/**"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TestTokensInitializer.class)
class ApiDocumentIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldTagSummariseSecureAndListTheProblemsOfEveryOperation() throws Exception {
        byte[] body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sample-api-docs.json"), body);
        JsonNode document = JsonMapper.builder().build().readTree(body);

        JsonNode withdraw = document.at("/paths/~1comments~1{id}~1withdrawal/post");
        assertThat(withdraw.path("tags").get(0).asString()).isEqualTo("comments");
        assertThat(withdraw.path("summary").asString()).isNotBlank();
        assertThat(withdraw.path("security").get(0).has(AccordApiDocument.SCHEME)).isTrue();
        for (String code : new String[] {"400", "401", "403", "404", "409", "412"}) {
            assertThat(withdraw.at("/responses/" + code + "/content/application~1problem+json/schema/$ref").asString())
                    .as(code).isEqualTo("#/components/schemas/Problem");
        }
        JsonNode read = document.at("/paths/~1comments~1{id}/get");
        assertThat(read.path("security").isArray() && read.path("security").isEmpty()).as("public: no token").isTrue();
        assertThat(read.path("responses").has("401")).isFalse();
        assertThat(document.at("/components/securitySchemes/" + AccordApiDocument.SCHEME + "/flows/clientCredentials/tokenUrl")
                .asString()).isEqualTo("http://localhost:8080/oauth2/token");
        assertThat(document.at("/components/schemas/Problem/properties/instance/format").asString()).isEqualTo("uri-reference");
        assertThat(document.path("tags").findValuesAsString("name")).contains("comments", "committees");
    }
}
