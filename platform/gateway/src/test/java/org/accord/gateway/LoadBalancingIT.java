package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of two instances of proposals and one of voting, each a real HTTP server
 * (see {@link StubService}): requests are spread over the instances, an instance that dies costs
 * no read (it is retried on the other) and leaves the rotation after its health check, and a
 * service with no instance left answers 503 problem+json with Retry-After. The tests run in order:
 * the later ones kill instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancingIT {

    private static final StubService PROPOSALS_1 = new StubService("proposals-1");
    private static final StubService PROPOSALS_2 = new StubService("proposals-2");
    private static final StubService COMMENTS = new StubService("comments");
    private static final StubService VOTING = new StubService("voting");
    private static final StubService PUBLICATION = new StubService("publication");
    private static final StubService IDENTITY = new StubService("identity");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void targets(DynamicPropertyRegistry registry) {
        registry.add("accord.gateway.targets.proposals", () -> PROPOSALS_1.uri() + "," + PROPOSALS_2.uri());
        registry.add("accord.gateway.targets.comments", COMMENTS::uri);
        registry.add("accord.gateway.targets.voting", VOTING::uri);
        registry.add("accord.gateway.targets.publication", PUBLICATION::uri);
        registry.add("accord.gateway.targets.identity", IDENTITY::uri);
        registry.add("management.server.port", () -> 0);
    }

    @Autowired
    WebTestClient client;

    @AfterAll
    static void stopStubs() {
        for (StubService stub : new StubService[] {PROPOSALS_1, PROPOSALS_2, COMMENTS, VOTING, PUBLICATION, IDENTITY}) {
            stub.close();
        }
    }

    @Test
    @Order(1)
    void shouldSpreadRequestsOverEveryInstanceOfAService() {
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            answeredBy.merge(get("/api/proposals/P-" + i), 1, Integer::sum);
        }

        assertThat(answeredBy).containsOnlyKeys("proposals-1", "proposals-2");
        assertThat(answeredBy.get("proposals-1")).isEqualTo(10);
        assertThat(PROPOSALS_1.healthChecks()).as("the load balancer asks each instance for its readiness").isPositive();
        assertThat(PROPOSALS_2.healthChecks()).isPositive();
    }

    @Test
    @Order(2)
    void shouldAnswerEveryReadWhenOneInstanceDiesAndKeepWritesOffItAfterItsHealthCheck() throws Exception {
        PROPOSALS_2.kill();

        // Before the next health check the dead instance is still in the rotation: reads sent to
        // it (a connection refused, or a kept-alive one closed without an answer) are sent again
        // to the other instance.
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/proposals/P-" + i)).isEqualTo("proposals-1");
        }

        Thread.sleep(Duration.ofSeconds(5).toMillis());
        for (int i = 0; i < 10; i++) {
            client.post().uri("/api/proposals")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"Write " + i + "\"}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("proposals-1");
        }
    }

    @Test
    @Order(3)
    void shouldAnswer503WithRetryAfterWhenNoInstanceOfAServiceIsLeft() throws Exception {
        VOTING.kill();
        Thread.sleep(Duration.ofSeconds(5).toMillis());

        client.get().uri("/api/ballots/B-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("voting"));
    }

    private String get(String path) {
        byte[] body = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode answer = JSON.readTree(body);
        return answer.get("service").asString();
    }
}
