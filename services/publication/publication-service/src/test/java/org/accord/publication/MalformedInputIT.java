package org.accord.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.accord.publication.config.PublicationConfig;
import org.accord.publication.domain.Standard;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.accord.testing.malformed.MalformedRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Thousands of malformed requests, generated from the service's own OpenAPI document, against
 * every operation (the secretariat's withdrawal with its token, the public reads with one too),
 * with valid values everywhere else: none may be a 5xx, every refusal is problem+json, and
 * nothing is stored; the standard they aim at stays in force.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
class MalformedInputIT {

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRefuseMalformedRequestsToEveryOperationWithProblemsAndStoreNothing() {
        int project = Approvals.project();
        String committee = Approvals.committee("Malformed");
        Approvals.send(Approvals.approved(project, committee, "NEW", null, Approvals.text(project, "malformed input")));
        String slug = "ACC-" + project + "-" + Instant.now().atOffset(ZoneOffset.UTC).getYear();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                http.get().uri("/standards/{d}", slug).exchange().returnResult(byte[].class).getStatus().value() == 200);
        String[] documents = {PublicationConfig.STANDARDS + "/" + Standard.idOf(project)};
        // The feed sequence is the service's own counter, moved only by publications: it is counted with the rest.
        StoreSnapshot before = StoreSnapshot.of(mongo, Set.of(), documents);

        MalformedRequests.Report report = MalformedRequests.against("http://localhost:" + port)
                .seed(20_270_084L)
                .requests(3_000)
                .token(operation -> operation.safe() ? TestTokens.nationalBody("KE") : TestTokens.secretariat())
                .pathValue("designation", slug)
                .validBody("POST /standards/{designation}/withdrawal", "{\"reason\":\"Superseded by a new edition\"}")
                .validQuery("GET /standards/{designation}/diff", Map.of("from", "1", "to", "1"))
                .validQuery("GET /feeds/sse", Map.of("committee", committee))
                .run();

        StoreSnapshot after = StoreSnapshot.of(mongo, Set.of(), documents);
        report.assertClean();
        assertThat(after.differencesFrom(before)).as("what the malformed requests stored (seed %d)", report.seed()).isEmpty();
        assertThat(report.sent()).isGreaterThanOrEqualTo(3_000);
        assertThat(report.byOperation()).as("every operation of the document was exercised").containsKeys(
                "GET /standards", "GET /standards/{designation}", "POST /standards/{designation}/withdrawal",
                "GET /feeds/atom", "GET /feeds/json", "GET /feeds/sse");
    }
}
