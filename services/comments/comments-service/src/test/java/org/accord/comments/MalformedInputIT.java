package org.accord.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.accord.comments.domain.SubmissionIds;
import org.accord.comments.persistence.CollectionNames;
import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.accord.testing.malformed.MalformedRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Thousands of malformed requests, generated from the service's own OpenAPI document, against
 * every operation, each with a token that may call it (KE's national body for comments, the
 * secretariat for dispositions and reads) and valid values everywhere else: none may be a 5xx,
 * every refusal is problem+json, and nothing is stored.
 */
class MalformedInputIT extends ServiceHarness {

    @LocalServerPort
    int port;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRefuseMalformedRequestsToEveryOperationWithProblemsAndStoreNothing() {
        Opened open = openReview(Duration.ofDays(30));
        Map<?, ?> created = postJson("/comment-periods/" + open.periodId() + "/comments", TestTokens.nationalBody("KE"),
                "{\"clause\":\"5.2\",\"type\":\"te\",\"comment\":\"The target of malformed requests\"}")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String comment = (String) created.get("commentId");
        String[] documents = {CollectionNames.PERIODS + "/" + open.periodId(),
                CollectionNames.SUBMISSIONS + "/" + SubmissionIds.submissionOf(comment).orElseThrow()};
        StoreSnapshot before = StoreSnapshot.of(mongo, Set.of(), documents);

        MalformedRequests.Report report = MalformedRequests.against("http://localhost:" + port)
                .seed(20_270_082L)
                .requests(3_000)
                .token(operation -> operation.safe() || operation.path().endsWith("/disposition") ? TestTokens.secretariat()
                        : TestTokens.nationalBody("KE"))
                .pathValue("periodId", open.periodId())
                .pathValue("commentId", comment)
                .validBody("POST /comment-periods/{periodId}/comments",
                        "{\"memberBody\":\"KE\",\"lineNumber\":12,\"clause\":\"5.2\",\"element\":\"Para 1\",\"type\":\"te\","
                                + "\"comment\":\"Clarify\",\"proposedChange\":\"Say how\",\"version\":1}")
                .validBody("POST /comment-periods/{periodId}/comments/batch",
                        "[{\"memberBody\":\"KE\",\"lineNumber\":12,\"clause\":\"5.2\",\"element\":\"Para 1\",\"type\":\"te\","
                                + "\"comment\":\"Clarify\",\"proposedChange\":\"Say how\",\"version\":1}]")
                .validBody("PUT /comments/{commentId}",
                        "{\"clause\":\"4.1\",\"type\":\"ed\",\"comment\":\"Amended\",\"proposedChange\":\"Reword\"}")
                .validBody("PUT /comments/{commentId}/disposition", "{\"disposition\":\"accepted\",\"observations\":\"Agreed\"}")
                .validQuery("GET /comment-periods", Map.of("proposal", open.proposalId(), "status", "OPEN"))
                .run();

        StoreSnapshot after = StoreSnapshot.of(mongo, Set.of(), documents);
        report.assertClean();
        assertThat(after.differencesFrom(before)).as("what the malformed requests stored (seed %d)", report.seed()).isEmpty();
        assertThat(report.sent()).isGreaterThanOrEqualTo(3_000);
        assertThat(report.byOperation()).as("every operation of the document was exercised").containsKeys(
                "POST /comment-periods/{periodId}/comments", "POST /comment-periods/{periodId}/comments/batch",
                "PUT /comments/{commentId}", "DELETE /comments/{commentId}", "PUT /comments/{commentId}/disposition");
    }
}
