package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.accord.http.client.SocketExchange;
import org.accord.http.client.SocketExchange.Answer;
import org.accord.testing.TestTokensInitializer;
import org.accord.web.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request line (8 KB) and header (16 KB) limits of every service, over a plain socket on the
 * real port: within them a request is served, even past Netty's own defaults (4 KB, 8 KB); past them
 * the answer is 414 or 431 problem+json naming the limit in bytes, however far past, never a reset
 * connection (the client is often still sending when the refusal is written).
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=sample", "accord.security.public-get-paths=/comments/**"})
@ContextConfiguration(initializers = TestTokensInitializer.class)
class RequestHeadLimitIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int TRIES = 10;

    @LocalServerPort
    int port;

    @Test
    void shouldServeARequestLineAndHeadersWithinTheLimitsThoughPastNettysDefaults() throws Exception {
        String clause = "a".repeat(7 * 1024);

        Answer answer = SocketExchange.send(port, "GET", "/comments?clause=" + clause, SocketExchange.padding(12));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(clause);
    }

    @Test
    void shouldAnswerARequestLinePastTheLimitWith414ProblemNamingTheLimitInBytes() throws Exception {
        for (int length : sizes(9 * 1024, 1024 * 1024)) {
            // A connection reset before the answer was read would throw here.
            Answer answer = SocketExchange.send(port, "GET", "/comments?clause=" + "a".repeat(length), Map.of());

            assertThat(answer.status()).as("%d bytes", length).isEqualTo(414);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asString()).isEqualTo("about:blank");
            assertThat(problem.path("title").asString()).isEqualTo("URI Too Long");
            assertThat(problem.path("status").asInt()).isEqualTo(414);
            assertThat(problem.path("detail").asString()).contains("request line", "8192 bytes", "accord.max-request-line");
        }
    }

    @Test
    void shouldAnswerHeadersPastTheLimitWith431ProblemNamingTheLimitInBytes() throws Exception {
        for (int kilobytes : sizes(17, 1024)) {
            // A connection reset before the answer was read would throw here.
            Answer answer = SocketExchange.send(port, "GET", "/comments?clause=7.1", SocketExchange.padding(kilobytes));

            assertThat(answer.status()).as("%d KB", kilobytes).isEqualTo(431);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asString()).isEqualTo("about:blank");
            assertThat(problem.path("title").asString()).isEqualTo("Request Header Fields Too Large");
            assertThat(problem.path("status").asInt()).isEqualTo(431);
            assertThat(problem.path("detail").asString()).contains("header fields", "16384 bytes", "accord.max-request-headers");
            assertThat(problem.path("instance").asString()).isEqualTo("/comments");
        }
    }

    /** Just past the limit once, and far past it {@link #TRIES} times (where the client is still sending when refused). */
    private static int[] sizes(int justPast, int farPast) {
        int[] sizes = new int[1 + TRIES];
        java.util.Arrays.fill(sizes, farPast);
        sizes[0] = justPast;
        return sizes;
    }
}
