package org.accord.proposals;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.accord.events.CloudEvent;
import org.accord.testing.TestTokens;
import org.accord.voting.events.BallotClosed;
import org.accord.voting.events.BallotEvents;
import org.accord.voting.events.RuleCheck;
import org.accord.voting.events.Tally;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Brings proposals to the stage a test needs, through the API as an editor would (and the broker where another service would). */
final class ProposalsApi {

    static final String DRAFT = resource("/draft-acc-tc1-wd-42.md");
    static final String TC1 = "ACC/TC 1";

    private final WebTestClient http;

    ProposalsApi(WebTestClient http) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A proposal of ACC/TC 1 at 10.00 with one version. */
    String submitted(String title) {
        return (String) post("/proposals", Map.of("committee", TC1, "title", title,
                "scope", "Content and structure of evaluation reports.", "text", DRAFT)).get("id");
    }

    /** A proposal at 30.20 with an open committee comment period: {proposalId, periodId}. */
    String[] inCommentPeriod(String title) {
        String id = submitted(title);
        Map<String, Object> opened = post("/proposals/" + id + "/comment-periods",
                Map.of("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
        return new String[] {id, (String) ((Map<?, ?>) opened.get("commentPeriod")).get("periodId")};
    }

    /** A proposal whose DIS ballot closed approved without disapprovals (40.99): it may skip the final ballot. */
    String approvedWithoutDisapprovals(String title) {
        String id = submitted(title);
        Map<String, Object> requested = post("/proposals/" + id + "/ballots",
                Map.of("type", "DIS", "deadline", Instant.now().plus(84, ChronoUnit.DAYS).toString()));
        String ballotId = (String) ((Map<?, ?>) requested.get("ballot")).get("ballotId");
        Tally tally = new Tally(16, 13, 14, 0, 2, 3, 0, 1, 0, 0, 0);
        CloudEvent closed = Deliveries.event("voting", BallotEvents.CLOSED, id, new BallotClosed(ballotId, id, "DIS",
                "ISO_ENQUIRY_APPROVAL", 1, "APPROVED", tally, List.of(new RuleCheck("P approvals >= 2/3", true, "14 of 14")),
                "Approved: P approvals 14 >= 2/3 of 14", "DEADLINE", Instant.now(), null));
        Deliveries.deliver(BallotEvents.CLOSED, id, closed);
        await().atMost(Duration.ofSeconds(60)).until(() -> "40.99".equals(proposal(id).get("stage")));
        return id;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> proposal(String id) {
        return http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    List<String> members(String committeeSlug) {
        Map<String, Object> committee = http.get().uri("/committees/{c}", committeeSlug).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<String> all = new java.util.ArrayList<>((List<String>) committee.get("participating"));
        all.addAll((List<String>) committee.get("observing"));
        return all;
    }

    void setMember(String committeeSlug, String code, String status) {
        http.put().uri("/committees/{c}/members/{code}", committeeSlug, code).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    void setProcedure(String committeeSlug, String procedure) {
        http.put().uri("/committees/{c}/procedure", committeeSlug).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .bodyValue(Map.of("procedure", procedure)).exchange().expectStatus().isOk();
    }

    void removeMember(String committeeSlug, String code) {
        http.delete().uri("/committees/{c}/members/{code}", committeeSlug, code)
                .headers(h -> h.setBearerAuth(TestTokens.secretariat())).exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String path, Object body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(TestTokens.editor())).bodyValue(body)
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    static String resource(String path) {
        try (InputStream in = ProposalsApi.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
