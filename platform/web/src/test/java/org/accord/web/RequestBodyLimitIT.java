package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.accord.testing.TestTokens;
import org.accord.testing.TestTokensInitializer;
import org.accord.web.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one body limit ({@code accord.max-request-size}, 64 KB here) over real HTTP on the real
 * port, for declared (Content-Length) and chunked bodies: up to the limit a body arrives whole;
 * over it the answer is 413 problem+json every time, never a reset connection, though the service
 * closes each connection after its response.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=sample", "accord.max-request-size=64KB"})
@ContextConfiguration(initializers = TestTokensInitializer.class)
class RequestBodyLimitIT {

    static final int LIMIT = 64 * 1024;
    static final int TRIES = 10;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void shouldTakeABodyJustUnderAndAtTheLimitWholeDeclaredOrChunked() throws Exception {
        for (int size : new int[] {LIMIT - 1, LIMIT}) {
            for (boolean chunked : new boolean[] {false, true}) {
                HttpResponse<String> response = upload(size, chunked, TestTokens.editor());

                assertThat(response.statusCode()).as("%d bytes, chunked %s: %s", size, chunked, response.body()).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).path("bytes").asInt()).isEqualTo(size);
            }
        }
    }

    @Test
    void shouldRefuseEveryBodyOverTheLimitWith413ProblemNeverAReset() throws Exception {
        for (int size : new int[] {LIMIT + 1, 1024 * 1024}) {
            for (boolean chunked : new boolean[] {false, true}) {
                for (int attempt = 1; attempt <= TRIES; attempt++) {
                    // A reset connection would throw here instead of answering.
                    HttpResponse<String> response = upload(size, chunked, TestTokens.editor());

                    String what = size + " bytes, chunked " + chunked + ", try " + attempt;
                    assertThat(response.statusCode()).as(what).isEqualTo(413);
                    assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                    JsonNode problem = JSON.readTree(response.body());
                    assertThat(problem.path("status").asInt()).isEqualTo(413);
                    assertThat(problem.path("detail").asString()).as(response.body()).contains("64 KB");
                }
            }
        }
    }

    @Test
    void shouldReadAnUploadItRefusesUnreadBeforeAnsweringSoTheAnswerArrives() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            for (int attempt = 1; attempt <= TRIES; attempt++) {
                HttpResponse<String> response = upload(LIMIT - 1, chunked, TestTokens.expired("KE"));

                assertThat(response.statusCode()).as("chunked %s, try %d", chunked, attempt).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
    }

    private HttpResponse<String> upload(int size, boolean chunked, String token) throws Exception {
        byte[] body = new byte[size];
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/uploads"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(publisher)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
