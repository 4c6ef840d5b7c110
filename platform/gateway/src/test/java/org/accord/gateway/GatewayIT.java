package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.accord.http.client.SocketExchange;
import org.accord.http.client.SocketExchange.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of five stand-in services on real ports (see {@link StubService}); the
 * response timeout is shortened to 1 s and the body limit to 1 MB so the limits show quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(GatewayIT.UnreachableService.class)
class GatewayIT {

    private static final StubService PROPOSALS = new StubService("proposals");
    private static final StubService COMMENTS = new StubService("comments");
    private static final StubService VOTING = new StubService("voting");
    private static final StubService PUBLICATION = new StubService("publication");
    private static final StubService IDENTITY = new StubService("identity");
    private static final int CLOSED_PORT = closedPort();
    private static final int MANAGEMENT_PORT = closedPort();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @DynamicPropertySource
    static void targets(DynamicPropertyRegistry registry) {
        registry.add("accord.gateway.targets.proposals", PROPOSALS::uri);
        registry.add("accord.gateway.targets.comments", COMMENTS::uri);
        registry.add("accord.gateway.targets.voting", VOTING::uri);
        registry.add("accord.gateway.targets.publication", PUBLICATION::uri);
        registry.add("accord.gateway.targets.identity", IDENTITY::uri);
        registry.add("accord.max-request-size", () -> "1MB");
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    /** A route to a port nobody listens on: what the gateway says when a service is down. */
    @TestConfiguration(proxyBeanMethods = false)
    static class UnreachableService {
        @Bean
        RouteLocator unreachable(RouteLocatorBuilder builder) {
            return builder.routes()
                    .route("ballot-archive", route -> route.path("/api/archive/**").uri("http://localhost:" + CLOSED_PORT))
                    .build();
        }
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetEarlierRequests() {
        for (StubService stub : new StubService[] {PROPOSALS, COMMENTS, VOTING, PUBLICATION, IDENTITY}) {
            stub.forget();
        }
    }

    @AfterAll
    static void stopStubs() {
        PROPOSALS.close();
        COMMENTS.close();
        VOTING.close();
        PUBLICATION.close();
        IDENTITY.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "/api/proposals/P-17,                  proposals,   /proposals/P-17",
            "/api/proposals?stage=30.20&page=2,    proposals,   /proposals?stage=30.20&page=2",
            "/api/committees/TC-1/members,         proposals,   /committees/TC-1/members",
            "/api/member-bodies,                   proposals,   /member-bodies",
            "/api/comment-periods/CP-3,            comments,    /comment-periods/CP-3",
            "/api/comments/C-9,                    comments,    /comments/C-9",
            "/api/ballots/B-2/votes,               voting,      /ballots/B-2/votes",
            "/api/standards/ACC-42,                publication, /standards/ACC-42",
            "/api/feeds/atom,                      publication, /feeds/atom",
            "/feeds/atom,                          publication, /feeds/atom",
            "/feeds/json,                          publication, /feeds/json",
            "/observer,                            publication, /observer",
            "/observer/app.js,                     publication, /observer/app.js",
            "/.well-known/openid-configuration,    identity,    /.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server, identity, /.well-known/oauth-authorization-server",
            "/oauth2/jwks,                         identity,    /oauth2/jwks"
    })
    void shouldRouteEachPathToItsServiceStrippingOnlyTheApiPrefix(String path, String service, String forwarded) throws Exception {
        client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(stub(service).nextRequest().uri()).isEqualTo(forwarded);
    }

    @Test
    void shouldForwardATokenRequestWithItsFormAndCredentialsToIdentity() throws Exception {
        client.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic bmIta2U6bmIta2Utc2VjcmV0")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials")
                .exchange()
                .expectStatus().isOk();

        StubService.Received received = IDENTITY.nextRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/oauth2/token");
        assertThat(received.header("Authorization")).isEqualTo("Basic bmIta2U6bmIta2Utc2VjcmV0");
        assertThat(received.bodyLength()).isEqualTo("grant_type=client_credentials".length());
    }

    @Test
    void shouldPassTheTraceparentHeaderThroughUnchanged() throws Exception {
        client.get().uri("/api/ballots/B-1").header("traceparent", TRACEPARENT).exchange().expectStatus().isOk();

        assertThat(VOTING.nextRequest().header("traceparent")).isEqualTo(TRACEPARENT);
    }

    @Test
    void shouldPassTheBearerTokenThroughForTheServiceToVerify() throws Exception {
        client.post().uri("/api/comments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"periodId\":\"CP-1\"}")
                .exchange()
                .expectStatus().isOk();

        StubService.Received received = COMMENTS.nextRequest();
        assertThat(received.header("Authorization")).isEqualTo("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(received.bodyLength()).isEqualTo("{\"periodId\":\"CP-1\"}".length());
    }

    @Test
    void shouldPassAServiceProblemResponseThroughUntouched() {
        client.post().uri("/api/proposals/invalid").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
    }

    @Test
    void shouldRedirectTheRootToTheObserverPage() {
        client.get().uri("/").exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/observer/");
    }

    @Test
    void shouldRefuseADeclaredOversizedBodyWith413BeforeItReachesTheService() throws Exception {
        String path = "/api/proposals/" + UUID.randomUUID();

        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[1024 * 1024 + 1]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 MB"));

        assertThat(PROPOSALS.receivedAny(path.substring(4))).isFalse();
    }

    @Test
    void shouldAcceptABodyAtTheLimit() throws Exception {
        client.post().uri("/api/proposals/at-limit").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024]).exchange()
                .expectStatus().isOk();

        assertThat(PROPOSALS.nextRequest().bodyLength()).isEqualTo(1024 * 1024);
    }

    @Test
    void shouldCutOffAChunkedBodyThatGrowsPastTheLimitWith413() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 80).map(i -> buffers.wrap(new byte[16 * 1024]));

        client.post().uri("/api/comments/chunked").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldForwardARequestLineAndHeadersWithinTheLimitsThoughPastNettysDefaults() throws Exception {
        String query = "?clause=" + "a".repeat(7 * 1024);

        Answer answer = SocketExchange.send(port, "GET", "/api/comments/C-1" + query, SocketExchange.padding(12));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        StubService.Received received = COMMENTS.nextRequest();
        assertThat(received.uri()).isEqualTo("/comments/C-1" + query);
        assertThat(received.header("X-Padding-11")).startsWith("ppp");
    }

    @Test
    void shouldAnswerARequestLinePastTheLimitWith414ProblemWithoutForwardingIt() throws Exception {
        for (int length : new int[] {9 * 1024, 1024 * 1024, 1024 * 1024, 1024 * 1024}) {
            // A connection reset before the answer was read would throw here.
            Answer answer = SocketExchange.send(port, "GET", "/api/proposals/P-1?q=" + "a".repeat(length), Map.of());

            assertThat(answer.status()).as("%d bytes", length).isEqualTo(414);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("title").asString()).isEqualTo("URI Too Long");
            assertThat(problem.path("status").asInt()).isEqualTo(414);
            assertThat(problem.path("detail").asString()).contains("request line", "8192 bytes", "accord.max-request-line");
        }
        assertThat(PROPOSALS.receivedAny("/proposals/P-1")).isFalse();
    }

    @Test
    void shouldAnswerHeadersPastTheLimitWith431ProblemWithoutForwardingThem() throws Exception {
        for (int kilobytes : new int[] {17, 1024, 1024, 1024}) {
            // A connection reset before the answer was read would throw here.
            Answer answer = SocketExchange.send(port, "GET", "/api/proposals/P-2", SocketExchange.padding(kilobytes));

            assertThat(answer.status()).as("%d KB", kilobytes).isEqualTo(431);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("title").asString()).isEqualTo("Request Header Fields Too Large");
            assertThat(problem.path("status").asInt()).isEqualTo(431);
            assertThat(problem.path("detail").asString()).contains("header fields", "16384 bytes", "accord.max-request-headers");
            assertThat(problem.path("instance").asString()).isEqualTo("/api/proposals/P-2");
        }
        assertThat(PROPOSALS.receivedAny("/proposals/P-2")).isFalse();
    }

    @Test
    void shouldStreamServerSentEventsAsTheyAreSentAndWithoutTheResponseTimeout() throws Exception {
        CompletableFuture<Void> secondEvent = PUBLICATION.armSecondEvent();
        Iterator<ServerSentEvent<String>> events = WebClient.create("http://localhost:" + port).get().uri("/feeds/sse")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "0")
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .timeout(Duration.ofSeconds(10))
                .toIterable()
                .iterator();

        // The stub holds the second event until the first has arrived here: a buffering gateway would hang.
        ServerSentEvent<String> first = events.next();
        assertThat(secondEvent).isNotDone();
        secondEvent.complete(null);
        ServerSentEvent<String> second = events.next();

        assertThat(first.id()).isEqualTo("1");
        assertThat(first.data()).isEqualTo("first");
        assertThat(second.data()).isEqualTo("second");
        assertThat(events.hasNext()).isFalse();
        assertThat(PUBLICATION.nextRequest().header("Last-Event-ID")).isEqualTo("0");
    }

    @Test
    void shouldAnswer504ProblemWhenAServiceAnswersLaterThanTheResponseTimeout() {
        client.get().uri("/api/ballots/slow").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.route").isEqualTo("voting")
                .jsonPath("$.detail").isEqualTo("The voting service did not answer in time");
    }

    @Test
    void shouldAnswer503ProblemWhenTheServiceIsNotReachable() {
        client.get().uri("/api/archive/B-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ballot-archive"));
    }

    @Test
    void shouldAnswer404ProblemForAPathNoRouteServes() {
        client.get().uri("/api/unknown-things/1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("Nothing is served at /api/unknown-things/1")
                .jsonPath("$.instance").isEqualTo("/api/unknown-things/1");
    }

    @Test
    void shouldServeEachServicesApiDocumentWithTheGatewayAsItsServer() throws Exception {
        for (String service : new String[] {"proposals", "comments", "voting", "publication"}) {
            client.get().uri("/api-docs/" + service).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.info.title").isEqualTo(service)
                    .jsonPath("$.servers.length()").isEqualTo(1)
                    .jsonPath("$.servers[0].url").isEqualTo("/api")
                    .jsonPath("$.components.securitySchemes.accord-oauth2.flows.clientCredentials.tokenUrl")
                    .isEqualTo("http://localhost:" + port + "/oauth2/token");
            assertThat(stub(service).nextRequest().uri()).isEqualTo("/v3/api-docs");
        }
    }

    @Test
    void shouldNameTheTokenUrlAndServerAsATrustedProxyInFrontSaysThem() throws Exception {
        // The test client connects from loopback, one of the default trusted proxies.
        client.get().uri("/api-docs/comments")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "standards.example.org")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/accord")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.servers[0].url").isEqualTo("/accord/api")
                .jsonPath("$.components.securitySchemes.accord-oauth2.flows.clientCredentials.tokenUrl")
                .isEqualTo("https://standards.example.org/accord/oauth2/token");
        assertThat(stub("comments").nextRequest().uri()).isEqualTo("/v3/api-docs");
    }

    @Test
    void shouldServeTheTokenEndpointsDocumentItself() {
        client.get().uri("/api-docs/identity").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.paths['/oauth2/token'].post.summary").exists();
    }

    @Test
    void shouldOfferOneSwaggerUiListingTheFourServicesAndTheTokenEndpoint() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(5)
                .jsonPath("$.urls[?(@.name == 'voting')].url").isEqualTo("/api-docs/voting")
                .jsonPath("$.urls[?(@.name == 'identity')].url").isEqualTo("/api-docs/identity");
        client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Swagger UI"));
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void shouldAnswerHealthWithoutDetailsAndKeepPrometheusOffThePublicPort() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        for (String hidden : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/health/diskSpace"}) {
            client.get().uri(hidden).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        WebTestClient.bindToServer().baseUrl("http://localhost:" + MANAGEMENT_PORT).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("application=\"gateway\""));
    }

    @ParameterizedTest(name = "{0} -> prefix {1}")
    @CsvSource({
            "/api/standards/ACC-42,  publication, /api",
            "/api/proposals/P-1,     proposals,   /api",
            "/feeds/atom,            publication, /api",
            "/feeds/sse,             publication, /api",
            "/observer/,             publication, /api",
            "/oauth2/jwks,           identity,    ''"
    })
    void shouldTellTheServiceTheAddressTheClientUsed(String path, String service, String prefix) throws Exception {
        client.get().uri(path).exchange().expectStatus().isOk();

        StubService.Received received = stub(service).nextRequest();
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        assertThat(received.header("X-Forwarded-Prefix")).isEqualTo(prefix.isEmpty() ? null : prefix);
        assertThat(received.header("X-Forwarded-For")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void shouldKeepTheSchemeHostAndPrefixOfATrustedProxyInFrontAndPutItsPrefixFirst() throws Exception {
        client.get().uri("/api/standards/ACC-42")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "standards.example.org")
                .header("X-Forwarded-Prefix", "/accord/")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "host=elsewhere.example")
                .exchange().expectStatus().isOk();

        StubService.Received received = PUBLICATION.nextRequest();
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("standards.example.org");
        // No port of the gateway's own: the proxy's scheme decides it (443).
        assertThat(received.header("X-Forwarded-Port")).isNull();
        assertThat(received.header("X-Forwarded-Prefix")).isEqualTo("/accord/api");
        assertThat(received.header("X-Forwarded-For")).startsWith("203.0.113.9, ");
        assertThat(received.header("Forwarded")).isNull();
    }

    private static StubService stub(String service) {
        return switch (service) {
            case "proposals" -> PROPOSALS;
            case "comments" -> COMMENTS;
            case "voting" -> VOTING;
            case "publication" -> PUBLICATION;
            case "identity" -> IDENTITY;
            default -> throw new IllegalArgumentException(service);
        };
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
