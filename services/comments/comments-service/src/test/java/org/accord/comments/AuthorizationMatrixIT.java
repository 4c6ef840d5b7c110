package org.accord.comments;

import static org.accord.testing.AuthorizationMatrix.Caller.EDITOR;
import static org.accord.testing.AuthorizationMatrix.Caller.MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.NON_MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.SECRETARIAT;
import static org.accord.testing.AuthorizationMatrix.Caller.WRONG_BODY;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.accord.comments.domain.SubmissionIds;
import org.accord.comments.persistence.CollectionNames;
import org.accord.testing.AuthorizationMatrix;
import org.accord.testing.AuthorizationMatrix.Answer;
import org.accord.testing.AuthorizationMatrix.Parties;
import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of the comments service for every kind of caller. Periods, comments and
 * compilations are read by editors, the secretariat and the national bodies of the committee's
 * members; a national body comments only as its own member body and only where it is a member,
 * and amends or withdraws only its own comments, while the period is open; editors and the
 * secretariat record dispositions. KE and DE are P-members of the test committee, RW is not.
 */
class AuthorizationMatrixIT extends ServiceHarness {

    static final Parties PARTIES = new Parties("KE", "DE", "RW");

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldAnswerEveryEndpointForEveryCallerAsTheRulesSay() {
        Opened open = openReview(Duration.ofDays(30));
        String comment = comment(open.periodId());
        Opened closing = openReview(Duration.ofSeconds(6));
        String commentInClosed = comment(closing.periodId());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                get("/comment-periods/" + closing.periodId(), TestTokens.editor()).expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("CLOSED"));

        AuthorizationMatrix matrix = AuthorizationMatrix.of("comments", PARTIES);
        String period = "/comment-periods/" + open.periodId();
        matrix.endpoint("GET /comment-periods?proposal={p}", open::proposalId,
                        (p, caller, token) -> read("/comment-periods?proposal=" + p, token))
                .expect(200, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        for (String path : new String[] {"", "/comments", "/compilation"}) {
            matrix.endpoint("GET /comment-periods/{open}" + path, () -> period + path, (p, caller, token) -> read(p, token))
                    .expect(200, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY);
        }
        for (String path : new String[] {"", "/history"}) {
            matrix.endpoint("GET /comments/{id}" + path, () -> "/comments/" + comment + path, (p, caller, token) -> read(p, token))
                    .expect(200, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY);
        }

        // Submissions: the member body in the comment is the caller's own (KE), except the non-member's (RW);
        // the wrong-body caller holds DE's token. What a submission stores is a new document.
        matrix.endpoint("POST /comment-periods/{open}/comments (JSON)", open::periodId, (id, caller, token) -> send(http.post()
                        .uri("/comment-periods/{id}/comments", id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(single(PARTIES.actsFor(caller), "one comment")), token))
                .expect(201, MEMBER)
                .state(id -> StoreSnapshot.of(mongo, Set.of()));
        matrix.endpoint("POST /comment-periods/{open}/comments/batch (JSON)", open::periodId, (id, caller, token) -> send(http.post()
                        .uri("/comment-periods/{id}/comments/batch", id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("[" + single(PARTIES.actsFor(caller), "first") + "," + single(PARTIES.actsFor(caller), "second")
                                + "]"), token))
                .expect(201, MEMBER)
                .state(id -> StoreSnapshot.of(mongo, Set.of()));
        matrix.endpoint("POST /comment-periods/{open}/comments/batch (CSV)", open::periodId, (id, caller, token) -> send(http.post()
                        .uri("/comment-periods/{id}/comments/batch", id).contentType(MediaType.parseMediaType("text/csv"))
                        .bodyValue(utf8(csv(PARTIES.actsFor(caller) + ",12,5.2,,te,From the template,,"))), token))
                .expect(201, MEMBER)
                .state(id -> StoreSnapshot.of(mongo, Set.of()));
        matrix.endpoint("POST /comment-periods/{closed}/comments", closing::periodId, (id, caller, token) -> send(http.post()
                        .uri("/comment-periods/{id}/comments", id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(single(PARTIES.actsFor(caller), "too late")), token))
                .expect(409, MEMBER)
                .state(id -> StoreSnapshot.of(mongo, Set.of()));

        // One's own comment: amended or withdrawn by its national body only, while the period is open.
        matrix.endpoint("PUT /comments/{id}", () -> comment(open.periodId()), (id, caller, token) -> send(http.put()
                        .uri("/comments/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"clause\":\"4.1\",\"type\":\"te\",\"comment\":\"Amended by " + caller.label() + "\"}"), token))
                .expect(200, MEMBER)
                .state(this::submission);
        matrix.endpoint("PUT /comments/{closed}", () -> commentInClosed, (id, caller, token) -> send(http.put()
                        .uri("/comments/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"clause\":\"4.1\",\"type\":\"te\",\"comment\":\"Amended too late\"}"), token))
                .expect(409, MEMBER)
                .state(this::submission);
        matrix.endpoint("DELETE /comments/{id}", () -> comment(open.periodId()),
                        (id, caller, token) -> send(http.delete().uri("/comments/{id}", id), token))
                .expect(204, MEMBER)
                .state(this::submission);
        matrix.endpoint("POST /comments/{id}/withdrawal", () -> comment(open.periodId()),
                        (id, caller, token) -> send(http.post().uri("/comments/{id}/withdrawal", id), token))
                .expect(200, MEMBER)
                .state(this::submission);

        // Dispositions: the editor and the secretariat.
        matrix.endpoint("PUT /comments/{id}/disposition", () -> commentInClosed, (id, caller, token) -> send(http.put()
                        .uri("/comments/{id}/disposition", id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("disposition", caller == EDITOR ? "accepted" : "noted",
                                "observations", "Recorded by " + caller.label())), token))
                .expect(200, EDITOR, SECRETARIAT)
                .state(this::submission);

        matrix.verify();
    }

    /** KE's comment in the period; its id. */
    private String comment(String periodId) {
        Map<?, ?> created = postJson("/comment-periods/" + periodId + "/comments", TestTokens.nationalBody("KE"), single("KE", "a comment"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("commentId");
    }

    private static String single(String memberBody, String text) {
        return "{\"memberBody\":\"" + memberBody + "\",\"clause\":\"5.2\",\"type\":\"te\",\"comment\":\"" + text + "\"}";
    }

    private Object submission(String commentId) {
        return StoreSnapshot.document(mongo, CollectionNames.SUBMISSIONS + "/" + SubmissionIds.submissionOf(commentId).orElseThrow());
    }

    private Answer read(String path, String token) {
        return send(http.get().uri(path), token);
    }

    private static Answer send(WebTestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return Answer.of(request.exchange());
    }
}
