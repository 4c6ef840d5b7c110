package org.accord.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.accord.testing.malformed.MalformedRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of malformed requests, generated from the service's own OpenAPI document, against
 * every operation, each with a token that may call it and valid values everywhere else: none may
 * be a 5xx, every refusal is problem+json, and nothing is stored.
 */
@ProposalsServiceTest
class MalformedInputIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRefuseMalformedRequestsToEveryOperationWithProblemsAndStoreNothing() {
        ProposalsApi api = new ProposalsApi(http);
        String proposal = api.submitted("Malformed input target");
        String[] inComment = api.inCommentPeriod("Malformed input target in comment");
        String future = Instant.now().plus(60, ChronoUnit.DAYS).toString();
        admit(TARGET);
        String[] documents = {"proposals/" + proposal, "proposals/" + inComment[0], "committees/ACC/TC 1",
                "committees/ACC/TC 1/SC 2", "member_register/" + TARGET, "member_register/KE"};
        StoreSnapshot before = StoreSnapshot.of(mongo, Set.of(), documents);

        MalformedRequests.Report report = MalformedRequests.against("http://localhost:" + port)
                .seed(20_270_042L)
                .requests(3_000)
                .token(operation -> (operation.path().startsWith("/committees") || operation.path().startsWith("/member-bodies"))
                        && !operation.safe() || operation.path().endsWith("/withdrawal") ? TestTokens.secretariat() : TestTokens.editor())
                .pathValue("id", proposal)
                .pathValue("POST /proposals/{id}/comment-periods/{periodId}/close", "id", inComment[0])
                .pathValue("periodId", inComment[1])
                .pathValue("number", "1")
                .pathValue("committee", "ACC-TC-1-SC-2")
                .pathValue("code", "KE")
                .pathValue("PUT /committees/{committee}/members/{code}", "code", "SE")
                .pathValue("PUT /member-bodies/{code}/category", "code", TARGET)
                .pathValue("PUT /member-bodies/{code}/suspension", "code", TARGET)
                .pathValue("DELETE /member-bodies/{code}/suspension", "code", TARGET)
                .pathValue("PUT /member-bodies/{code}/resignation", "code", TARGET)
                .validBody("POST /proposals", json(Map.of("committee", ProposalsApi.TC1, "title", "Malformed",
                        "scope", "Scope.", "kind", "NEW", "text", ProposalsApi.DRAFT)))
                .validBody("POST /proposals/{id}/versions", json(Map.of("text", ProposalsApi.DRAFT + "\nRevised.\n",
                        "note", "a note")))
                .validBody("POST /proposals/{id}/comment-periods", json(Map.of("deadline", future)))
                .validBody("POST /proposals/{id}/ballots", json(Map.of("type", "DIS", "ruleSet", "ISO_ENQUIRY_APPROVAL",
                        "deadline", future, "earlyCloseAllowed", false)))
                .validBody("POST /proposals/{id}/withdrawal", json(Map.of("reason", "no longer needed")))
                .validBody("PUT /committees/{committee}/members/{code}", json(Map.of("status", "O")))
                // A valid admission of a code the register has (409), and changes that already hold (nothing changes).
                .validBody("POST /member-bodies", json(Map.of("code", "KE", "name", "Kenya Bureau of Standards (KEBS)",
                        "localName", "Kenya Bureau of Standards", "category", "member")))
                .validBody("PUT /member-bodies/{code}/category", json(Map.of("category", "member")))
                .validBody("PUT /member-bodies/{code}/suspension", json(Map.of("reason", "fees unpaid")))
                .validBody("PUT /member-bodies/{code}/resignation", json(Map.of("reason", "letter")))
                .validQuery("GET /proposals/{id}/diff", Map.of("from", "1", "to", "1"))
                .run();

        StoreSnapshot after = StoreSnapshot.of(mongo, Set.of(), documents);
        report.assertClean();
        assertThat(after.differencesFrom(before)).as("what the malformed requests stored (seed %d)", report.seed()).isEmpty();
        assertThat(report.sent()).isGreaterThanOrEqualTo(3_000);
        assertThat(report.byOperation()).as("every operation of the document was exercised")
                .containsKeys("POST /proposals", "GET /proposals", "POST /proposals/{id}/versions",
                        "PUT /committees/{committee}/members/{code}", "DELETE /committees/{committee}/members/{code}",
                        "POST /member-bodies", "PUT /member-bodies/{code}/category", "PUT /member-bodies/{code}/suspension",
                        "DELETE /member-bodies/{code}/suspension", "PUT /member-bodies/{code}/resignation");
    }

    /** A member body the malformed requests aim at (admitted here, so the register's writes have a target). */
    static final String TARGET = "DK";

    private void admit(String code) {
        http.post().uri("/member-bodies").headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .bodyValue(Map.of("code", code, "name", "Danish Standards (DS)", "localName", "Dansk Standard",
                        "category", "member"))
                .exchange().expectStatus().isCreated();
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
