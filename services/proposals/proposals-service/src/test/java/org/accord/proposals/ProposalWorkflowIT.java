package org.accord.proposals;

import static org.accord.proposals.Deliveries.deliver;
import static org.accord.proposals.Deliveries.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.comments.events.CommentEvents;
import org.accord.comments.events.CommentPeriodClosed;
import org.accord.events.CloudEvent;
import org.accord.events.KafkaCloudEvents;
import org.accord.events.Topics;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.ProposalSubmitted;
import org.accord.proposals.events.PublicationApproved;
import org.accord.proposals.events.ReviewCloseRequested;
import org.accord.publication.events.StandardEvents;
import org.accord.publication.events.StandardPublished;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.accord.voting.events.BallotClosed;
import org.accord.voting.events.BallotEvents;
import org.accord.voting.events.RuleCheck;
import org.accord.voting.events.Tally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The proposal's life on the real broker and store: submissions on the topic, reactions to the
 * other services' events (applied once), the stage machine's refusals, versions, diffs, history,
 * concurrency and who may read.
 */
@ProposalsServiceTest
class ProposalWorkflowIT {

    static final String DRAFT = resource("/draft-acc-tc1-wd-42.md");
    static final String TC1 = "ACC/TC 1";

    @Autowired
    WebTestClient client;
    @Autowired
    WriteGate gate;
    @Autowired
    MeterRegistry meters;

    WebTestClient http;
    TopicProbe proposalsTopic;

    @BeforeEach
    void setUp() {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        proposalsTopic = TopicProbe.on(Topics.PROPOSALS);
    }

    @AfterEach
    void tearDown() {
        gate.release();
        proposalsTopic.close();
    }

    @Test
    void shouldPublishProposalSubmittedWithItsProjectNumberAndClausesWhenAnEditorSubmitsADraft() {
        Map<String, Object> first = submit(TC1, "Interoperable evaluation reports", DRAFT);
        Map<String, Object> second = submit("ACC-TC-1", "Model cards", DRAFT);

        assertThat(first).containsEntry("stage", "10.00").containsEntry("committeeId", TC1).containsEntry("kind", "NEW");
        assertThat(second).as("the committee may be named by its slug").containsEntry("committeeId", TC1);
        assertThat((List<?>) first.get("clauses")).hasSize(24);
        assertThat(second.get("projectNumber")).isNotEqualTo(first.get("projectNumber"));

        String id = (String) first.get("id");
        var record = proposalsTopic.awaitEvent(ProposalEvents.SUBMITTED.name(), id, Duration.ofSeconds(30));
        ProposalSubmitted submitted = KafkaCloudEvents.fromRecord(record).payload(ProposalSubmitted.class);
        assertThat(record.key()).isEqualTo(id);
        assertThat(submitted.projectNumber()).isEqualTo(first.get("projectNumber"));
        assertThat(submitted.clauses()).hasSize(24);
        assertThat(submitted.textSha256()).isEqualTo(org.accord.proposals.domain.TextDigest.sha256(DRAFT));
        assertThat(submitted.submittedBy()).isEqualTo("editor");
    }

    @Test
    void shouldMoveTheStageOnceWhenTheSameBallotClosedIsDeliveredTwice() {
        String id = (String) submit(TC1, "Evaluation datasets", DRAFT).get("id");
        Map<String, Object> requested = requestBallot(id, "DIS");
        assertThat(requested).containsEntry("stage", "40.20");
        String ballotId = (String) ((Map<?, ?>) requested.get("ballot")).get("ballotId");
        BallotRequested ballot = KafkaCloudEvents.fromRecord(proposalsTopic.awaitEvent(ProposalEvents.BALLOT_REQUESTED.name(),
                id, Duration.ofSeconds(30))).payload(BallotRequested.class);
        assertThat(ballot.ballotId()).isEqualTo(ballotId);
        assertThat(ballot.participatingMembers()).hasSize(16).contains("KE", "CN");
        assertThat(ballot.observingMembers()).hasSize(13);
        assertThat(ballot.clauses()).hasSize(24);

        double handledBefore = handledBallotResults();
        CloudEvent closed = ballotClosed(id, ballotId, "DIS", "APPROVED", 0);
        deliver(BallotEvents.CLOSED, id, closed);
        deliver(BallotEvents.CLOSED, id, closed);

        await().atMost(Duration.ofSeconds(30)).until(() -> handledBallotResults() >= handledBefore + 2);
        Map<String, Object> after = get(id);
        assertThat(after).containsEntry("stage", "40.99").containsEntry("enquiryDisapprovals", 0);
        assertThat(historyWhats(id)).filteredOn(what -> what.contains("40.20 -> 40.60")).hasSize(1);
        assertThat(historyWhats(id)).filteredOn(what -> what.contains("40.60 -> 40.99")).hasSize(1);
        assertThat((List<Object>) after.get("allowedActions")).contains("skip-final-ballot", "request-fdis-ballot");
    }

    @Test
    void shouldDeadLetterABallotResultForAProposalItDoesNotHaveWithTheReasonAndCountIt() {
        String unknown = "p-" + java.util.UUID.randomUUID();
        try (TopicProbe dlt = TopicProbe.on(Topics.deadLetter(Topics.BALLOTS, "proposals"))) {
            deliver(BallotEvents.CLOSED, unknown, ballotClosed(unknown, "b-" + unknown, "DIS", "APPROVED", 0));
            var dead = dlt.await(r -> unknown.equals(r.key()), Duration.ofSeconds(40));
            StringBuilder reason = new StringBuilder();
            dead.headers().forEach(h -> {
                if (h.key().contains("exception-message") || h.key().contains("exception_message")) {
                    reason.append(new String(h.value(), StandardCharsets.UTF_8));
                }
            });
            assertThat(reason.toString()).contains("No proposal '" + unknown + "' here");
        }
        assertThat(meters.find("accord.events.unknown.reference").tag("kind", "proposal")
                .tag("type", BallotEvents.CLOSED.name()).counter()).isNotNull();
        http.get().uri("/proposals/{id}", unknown).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldBePublishedWhenTheStandardIsIssuedAndLetARevisionKeepItsProjectNumber() {
        Map<String, Object> submitted = submit(TC1, "Evaluation metrics", DRAFT);
        String id = (String) submitted.get("id");
        int projectNumber = (Integer) submitted.get("projectNumber");
        String ballotId = (String) ((Map<?, ?>) requestBallot(id, "DIS").get("ballot")).get("ballotId");
        deliver(BallotEvents.CLOSED, id, ballotClosed(id, ballotId, "DIS", "APPROVED", 0));
        awaitStage(id, "40.99");

        http.post().uri("/proposals/{id}/skip-final-ballot", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo("60.00");
        PublicationApproved approved = KafkaCloudEvents.fromRecord(proposalsTopic.awaitEvent(
                ProposalEvents.PUBLICATION_APPROVED.name(), id, Duration.ofSeconds(30))).payload(PublicationApproved.class);
        assertThat(approved.text()).isEqualTo(DRAFT);
        assertThat(approved.projectNumber()).isEqualTo(projectNumber);

        String designation = "ACC " + projectNumber + ":2027";
        deliver(StandardEvents.PUBLISHED, id, event("publication", StandardEvents.PUBLISHED, id, new StandardPublished(
                designation, projectNumber, 1, "NEW", id, TC1, "Evaluation metrics", approved.textSha256(), null, null,
                Instant.now(), null, null, null)));
        awaitStage(id, "60.60");
        assertThat(get(id)).containsEntry("designation", designation);

        Map<String, Object> revision = new HashMap<>(submission(TC1, "Evaluation metrics (2nd edition)", DRAFT));
        revision.put("kind", "REVISION");
        revision.put("basedOn", designation);
        http.post().uri("/proposals").headers(h -> h.setBearerAuth(TestTokens.editor())).bodyValue(revision)
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.projectNumber").isEqualTo(projectNumber).jsonPath("$.basedOn").isEqualTo(designation);

        revision.put("basedOn", "ACC 999999:2020");
        http.post().uri("/proposals").headers(h -> h.setBearerAuth(TestTokens.editor())).bodyValue(revision)
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("basedOn");
    }

    @Test
    void shouldRecordTheCommentPeriodInTheHistoryUntilItClosesAtTheEditorsRequest() {
        String id = (String) submit(TC1, "Reporting organizations", DRAFT).get("id");
        Map<String, Object> opened = post("/proposals/" + id + "/comment-periods",
                Map.of("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString()), HttpStatus.OK);
        assertThat(opened).containsEntry("stage", "30.20");
        String periodId = (String) ((Map<?, ?>) opened.get("commentPeriod")).get("periodId");

        http.post().uri("/proposals/{id}/comment-periods/{period}/close", id, periodId)
                .headers(h -> h.setBearerAuth(TestTokens.editor())).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.stage").isEqualTo("30.20").jsonPath("$.commentPeriod.closeRequested").isEqualTo(true);
        ReviewCloseRequested close = KafkaCloudEvents.fromRecord(proposalsTopic.awaitEvent(
                ProposalEvents.REVIEW_CLOSE_REQUESTED.name(), id, Duration.ofSeconds(30))).payload(ReviewCloseRequested.class);
        assertThat(close.periodId()).isEqualTo(periodId);

        deliver(CommentEvents.PERIOD_CLOSED, id, event("comments", CommentEvents.PERIOD_CLOSED, id, new CommentPeriodClosed(
                periodId, id, 1, "COMMITTEE", "EDITOR", 3, Map.of("te", 2, "ed", 1), Map.of("KE", 3), Instant.now())));
        awaitStage(id, "30.60");

        http.get().uri("/proposals/{id}/history", id).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.events[*].type").isEqualTo(List.of("ProposalSubmitted", "ReviewOpened", "StageChanged",
                        "ReviewCloseRequested", "StageChanged"))
                .jsonPath("$.events[0].by").isEqualTo("editor")
                .jsonPath("$.events[4].by").isEqualTo("/accord/comments")
                .jsonPath("$.events[4].what").value(what -> assertThat((String) what).contains("30.20 -> 30.60", "3 comments"))
                .jsonPath("$.events[4].at").isNotEmpty();
    }

    @Test
    void shouldRefuseAStepTheStageDoesNotAllowNamingTheCurrentStageAndTheAllowedActions() {
        String id = (String) submit(TC1, "Conformance", DRAFT).get("id");
        http.post().uri("/proposals/{id}/skip-final-ballot", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.currentStage").isEqualTo("10.00")
                // What this editor may ask for, as the view below shows it: only the secretariat withdraws.
                .jsonPath("$.allowedActions").isEqualTo(List.of("open-comment-period", "revise-draft", "request-np-ballot",
                        "request-dis-ballot"))
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("skip-final-ballot"));

        http.post().uri("/proposals/{id}/ballots", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .bodyValue(Map.of("type", "FDIS", "deadline", Instant.now().plus(56, ChronoUnit.DAYS).toString()))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.currentStage").isEqualTo("10.00");

        http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.editor())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.allowedActions")
                .isEqualTo(List.of("open-comment-period", "revise-draft", "request-np-ballot", "request-dis-ballot"));
        http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.secretariat())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.allowedActions").isEqualTo(List.of("withdraw"));
        http.post().uri("/proposals/{id}/withdrawal", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .bodyValue(Map.of("reason", "no longer needed")).exchange().expectStatus().isForbidden();
        http.post().uri("/proposals/{id}/withdrawal", id).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .bodyValue(Map.of("reason", "no longer needed")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("10.98").jsonPath("$.allowedActions").isEmpty();
    }

    @Test
    void shouldAnswerOneConflictWhenTwoEditorsReviseTheSameVersionAtOnce() {
        String id = (String) submit(TC1, "Reproducibility", DRAFT).get("id");
        gate.hold(id, 2);
        CompletableFuture<HttpStatus> first = CompletableFuture.supplyAsync(() -> revise(id, DRAFT + "\nFirst editor.\n", null));
        CompletableFuture<HttpStatus> second = CompletableFuture.supplyAsync(() -> revise(id, DRAFT + "\nSecond editor.\n", null));

        List<HttpStatus> statuses = new ArrayList<>(List.of(first.join(), second.join()));
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        gate.release();
        Map<String, Object> proposal = get(id);
        assertThat((List<?>) proposal.get("versions")).hasSize(2);
        String kept = (String) ((Map<?, ?>) ((List<?>) proposal.get("versions")).get(1)).get("sha256");
        http.get().uri("/proposals/{id}/versions/2", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.sha256").isEqualTo(kept)
                .jsonPath("$.text").value(text -> assertThat(org.accord.proposals.domain.TextDigest.sha256((String) text))
                        .isEqualTo(kept));
    }

    @Test
    void shouldHonourIfMatchOnRevisions() {
        String id = (String) submit(TC1, "Completeness", DRAFT).get("id");
        String etag = http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .returnResult(String.class).getResponseHeaders().getETag();

        assertThat(revise(id, DRAFT + "\nAmended.\n", etag)).isEqualTo(HttpStatus.CREATED);
        assertThat(revise(id, DRAFT + "\nAmended again.\n", etag)).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectHeader().valueEquals("ETag", "\"2\"");
    }

    @Test
    void shouldServeEachVersionAsJsonOrMarkdownAndDiffThemClauseByClause() {
        String id = (String) submit(TC1, "Evaluation conditions", DRAFT).get("id");
        String v2 = DRAFT.replace("The report shall state the hardware, software versions, and random seeds used.",
                "The report shall state the hardware, software versions, random seeds and energy used.");
        assertThat(revise(id, v2, null)).isEqualTo(HttpStatus.CREATED);

        http.get().uri("/proposals/{id}/versions/2", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.sha256").isEqualTo(org.accord.proposals.domain.TextDigest.sha256(v2))
                .jsonPath("$.clauses.length()").isEqualTo(24)
                .jsonPath("$.text").isEqualTo(v2);
        String markdown = http.get().uri("/proposals/{id}/versions/1", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .accept(MediaType.parseMediaType("text/markdown")).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/markdown"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(markdown).isEqualTo(DRAFT);

        http.get().uri("/proposals/{id}/diff?from=1&to=2", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.changed").isEqualTo(1).jsonPath("$.added").isEqualTo(0).jsonPath("$.unchanged").isEqualTo(23)
                .jsonPath("$.clauses[0].number").isEqualTo("5.4")
                .jsonPath("$.clauses[0].change").isEqualTo("CHANGED")
                .jsonPath("$.clauses[0].diff").value(diff -> assertThat((String) diff)
                        .contains("-The report shall state the hardware, software versions, and random seeds used.")
                        .contains("+The report shall state the hardware, software versions, random seeds and energy used."));
        http.get().uri("/proposals/{id}/diff?from=1&to=9", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("to");
        http.get().uri("/proposals/{id}/diff?from=1", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    @Test
    void shouldLetOnlyMembersOfTheCommitteeEditorsAndTheSecretariatReadItsProposals() {
        String id = (String) submit(TC1, "Trustworthy evaluation readers", DRAFT).get("id");

        http.get().uri("/proposals/{id}", id).exchange().expectStatus().isUnauthorized();
        http.get().uri("/proposals").exchange().expectStatus().isUnauthorized();
        http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.nationalBody("KE")))
                .exchange().expectStatus().isOk();
        http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.nationalBody("MX")))
                .exchange().expectStatus().isOk();
        http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.nationalBody("RW")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/proposals/{id}/versions/1", id).headers(h -> h.setBearerAuth(TestTokens.nationalBody("RW")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/proposals?committee=ACC-TC-1", id).headers(h -> h.setBearerAuth(TestTokens.nationalBody("RW")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/proposals?q=trustworthy evaluation").headers(h -> h.setBearerAuth(TestTokens.nationalBody("RW")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        http.get().uri("/proposals?q=trustworthy evaluation").headers(h -> h.setBearerAuth(TestTokens.nationalBody("KE")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(id);
        http.post().uri("/proposals").headers(h -> h.setBearerAuth(TestTokens.nationalBody("KE")))
                .bodyValue(submission(TC1, "Not an editor", DRAFT)).exchange().expectStatus().isForbidden();
    }

    @Test
    void shouldListByCommitteeStageAndTitleTextPageByPage() {
        String marker = "Listing" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add((String) submit(TC1, marker + " part " + i, DRAFT).get("id"));
        }
        requestBallot(ids.get(0), "DIS");

        http.get().uri("/proposals?committee=ACC/TC 1&q={q}&page=1&size=2", marker.toLowerCase())
                .headers(h -> h.setBearerAuth(TestTokens.editor())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3).jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(ids.get(2));
        http.get().uri("/proposals?committee=ACC-TC-1&q={q}&page=2&size=2", marker)
                .headers(h -> h.setBearerAuth(TestTokens.editor())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(ids.get(0));
        http.get().uri("/proposals?stage=40.20&q={q}", marker).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].stage").isEqualTo("40.20");
        http.get().uri("/proposals?committee=ACC-TC-1-SC-2&q={q}", marker).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);

        http.get().uri("/proposals?stage=45.00").headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("stage");
        http.get().uri("/proposals?size=500").headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void shouldRefuseBadSubmissionsNamingTheField() {
        Map<String, Object> unknownCommittee = submission("ACC/TC 99", "Title", DRAFT);
        http.post().uri("/proposals").headers(h -> h.setBearerAuth(TestTokens.editor())).bodyValue(unknownCommittee)
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("committee");

        Map<String, Object> noTitle = new HashMap<>(submission(TC1, "x", DRAFT));
        noTitle.remove("title");
        http.post().uri("/proposals").headers(h -> h.setBearerAuth(TestTokens.editor())).bodyValue(noTitle)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("title");

        Map<String, Object> unknownField = new HashMap<>(submission(TC1, "x", DRAFT));
        unknownField.put("stage", "60.60");
        http.post().uri("/proposals").headers(h -> h.setBearerAuth(TestTokens.editor())).bodyValue(unknownField)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("stage");

        http.post().uri("/proposals").headers(h -> h.setBearerAuth(TestTokens.editor()))
                .bodyValue(submission(TC1, "No clauses", "Just prose without headings.\n"))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");

        http.get().uri("/proposals/does-not-exist").headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isNotFound();
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> submit(String committee, String title, String text) {
        return post("/proposals", submission(committee, title, text), HttpStatus.CREATED);
    }

    private static Map<String, Object> submission(String committee, String title, String text) {
        return Map.of("committee", committee, "title", title, "scope", "Content and structure of evaluation reports.",
                "text", text);
    }

    private Map<String, Object> requestBallot(String id, String type) {
        return post("/proposals/" + id + "/ballots", Map.of("type", type,
                "deadline", Instant.now().plus(84, ChronoUnit.DAYS).toString()), HttpStatus.OK);
    }

    private HttpStatus revise(String id, String text, String ifMatch) {
        return HttpStatus.valueOf(http.post().uri("/proposals/{id}/versions", id)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.editor());
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .bodyValue(Map.of("text", text, "note", "revised")).exchange()
                .returnResult(String.class).getStatus().value());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String path, Object body, HttpStatus expected) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(TestTokens.editor())).bodyValue(body)
                .exchange().expectStatus().isEqualTo(expected).expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String id) {
        return http.get().uri("/proposals/{id}", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<String> historyWhats(String id) {
        Map<?, ?> history = http.get().uri("/proposals/{id}/history", id).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) history.get("events")).stream().map(e -> (String) ((Map<?, ?>) e).get("what")).toList();
    }

    private void awaitStage(String id, String stage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stage.equals(get(id).get("stage")));
    }

    private double handledBallotResults() {
        var counter = meters.find("accord.events.consumed").tag("type", BallotEvents.CLOSED.name())
                .tag("outcome", "handled").counter();
        return counter == null ? 0 : counter.count();
    }

    private static CloudEvent ballotClosed(String proposalId, String ballotId, String type, String outcome, int disapprovals) {
        Tally tally = new Tally(16, 13, 14, disapprovals, 2, 3, 0, 1, 0, 0, 0);
        return event("voting", BallotEvents.CLOSED, proposalId, new BallotClosed(ballotId, proposalId, type,
                "ISO_ENQUIRY_APPROVAL", 1, outcome, tally, List.of(new RuleCheck("P approvals >= 2/3", true, "14 of 14")),
                "Approved: P approvals 14 >= 2/3 of 14", "DEADLINE", Instant.now(), null));
    }

    private static String resource(String path) {
        try (InputStream in = ProposalWorkflowIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
