package org.accord.publication;

import static org.accord.testing.AuthorizationMatrix.Caller.EDITOR;
import static org.accord.testing.AuthorizationMatrix.Caller.MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.NON_MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.NO_TOKEN;
import static org.accord.testing.AuthorizationMatrix.Caller.SECRETARIAT;
import static org.accord.testing.AuthorizationMatrix.Caller.WRONG_BODY;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.accord.proposals.events.PublicationApproved;
import org.accord.publication.config.PublicationConfig;
import org.accord.publication.domain.Standard;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.AuthorizationMatrix;
import org.accord.testing.AuthorizationMatrix.Answer;
import org.accord.testing.AuthorizationMatrix.Parties;
import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of the publication service for every kind of caller. Published standards, their
 * texts, the feeds and the observer page are for anyone (a token presented must still be valid);
 * only the secretariat withdraws a standard.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
class AuthorizationMatrixIT {

    static final Parties PARTIES = new Parties("KE", "DE", "RW");

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient http;

    @Test
    void shouldAnswerEveryEndpointForEveryCallerAsTheRulesSay() {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        String committee = Approvals.committee("Matrix");
        int readable = publish(committee);
        int withdrawn = publish(committee);
        http.post().uri("/standards/{d}/withdrawal", slug(withdrawn)).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .bodyValue(Map.of("reason", "Superseded")).exchange().expectStatus().isOk();

        AuthorizationMatrix matrix = AuthorizationMatrix.of("publication", PARTIES);
        String standard = "/standards/" + slug(readable);
        for (String path : new String[] {"/standards", standard, standard + "/editions", standard + "/text.md", standard + "/text.html",
                standard + "/verification", standard + "/diff?from=1&to=1", "/feeds/atom", "/feeds/json", "/observer/"}) {
            matrix.endpoint("GET " + path.replace(slug(readable), "{d}"), () -> path, (p, caller, token) -> read(p, token))
                    .expect(200, NO_TOKEN, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        }
        matrix.endpoint("GET /feeds/sse", () -> "/feeds/sse?committee=" + committee, (p, caller, token) -> stream(p, token))
                .expect(200, NO_TOKEN, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        matrix.endpoint("POST /standards/{d}/withdrawal", () -> publish(committee), (project, caller, token) -> send(http.post()
                        .uri("/standards/{d}/withdrawal", slug(project)).bodyValue(Map.of("reason", "Asked by " + caller.label())), token))
                .expect(200, SECRETARIAT)
                .state(project -> StoreSnapshot.document(mongo, PublicationConfig.STANDARDS + "/" + standardId(project)));
        matrix.endpoint("POST /standards/{withdrawn}/withdrawal", () -> withdrawn, (project, caller, token) -> send(http.post()
                        .uri("/standards/{d}/withdrawal", slug(project)).bodyValue(Map.of("reason", "Again")), token))
                .expect(409, SECRETARIAT)
                .state(project -> StoreSnapshot.document(mongo, PublicationConfig.STANDARDS + "/" + standardId(project)));

        matrix.verify();
    }

    /** Publishes a first edition through the broker, as the proposals service's approval would; its project number. */
    private int publish(String committee) {
        int project = Approvals.project();
        PublicationApproved approved = Approvals.approved(project, committee, "NEW", null, Approvals.text(project, "matrix"));
        Approvals.send(approved);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                http.get().uri("/standards/{d}", slug(project)).exchange().returnResult(byte[].class).getStatus().value() == 200);
        return project;
    }

    private static String slug(int project) {
        return "ACC-" + project + "-" + Instant.now().atOffset(ZoneOffset.UTC).getYear();
    }

    private static String standardId(int project) {
        return Standard.idOf(project);
    }

    private Answer read(String path, String token) {
        return send(http.get().uri(path), token);
    }

    /** An event stream never ends: its status and type are what the cell needs. */
    private Answer stream(String path, String token) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        FluxExchangeResult<String> result = request.exchange().returnResult(String.class);
        MediaType type = result.getResponseHeaders().getContentType();
        result.getResponseBody().take(Duration.ofMillis(200)).blockLast(Duration.ofSeconds(5));
        return new Answer(result.getStatus().value(), type == null ? null : type.toString());
    }

    private static Answer send(WebTestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return Answer.of(request.exchange());
    }
}
