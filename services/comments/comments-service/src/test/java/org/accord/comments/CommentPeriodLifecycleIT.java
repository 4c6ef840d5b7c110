package org.accord.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accord.comments.events.CommentEvents;
import org.accord.comments.events.CommentPeriodClosed;
import org.accord.comments.events.CommentPeriodOpened;
import org.accord.events.AccordJson;
import org.accord.events.CloudEvent;
import org.accord.events.Topics;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.ReviewCloseRequested;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Comment periods driven by the proposals service's events on the real broker: opened by a
 * review or a DIS ballot, comments accepted, closed by the scanner at the deadline or early by
 * the editor, and the close announced on the comments topic with its counts.
 */
class CommentPeriodLifecycleIT extends ServiceHarness {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void shouldAcceptCommentsUntilTheDeadlineThenCloseAndAnnounceTheCounts() {
        openReview(Duration.ofDays(30)); // the consumer and the HTTP path are warm before the clock starts
        String committeeId = committee();
        String proposalId = fresh("p");
        String periodId = fresh("cp");
        publish(ProposalEvents.REVIEW_OPENED, proposalId, review(proposalId, periodId, committeeId, Instant.now().plusSeconds(8)));
        awaitReadable(periodId, "KE");

        postJson("/comment-periods/" + periodId + "/comments", TestTokens.nationalBody("KE"),
                "{\"lineNumber\":60,\"clause\":\"5.2\",\"type\":\"te\",\"comment\":\"State why data is withheld\"}")
                .expectStatus().isCreated();
        postJson("/comment-periods/" + periodId + "/comments/batch", TestTokens.nationalBody("FR"),
                "[{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"Le domaine d'application\"},"
                        + "{\"clause\":\"3.2\",\"type\":\"ed\",\"comment\":\"Typo\"}]")
                .expectStatus().isCreated();
        postFile("/comment-periods/" + periodId + "/comments/batch", TestTokens.nationalBody("CN"), "text/csv",
                utf8(csv("CN,31,3.2,,te,\"定义中\"\"exclusively\"\"过于严格\",\"Replace \"\"exclusively\"\"\",")), null)
                .expectStatus().isCreated();

        try (TopicProbe comments = TopicProbe.on(Topics.COMMENTS)) {
            ConsumerRecord<String, byte[]> record = comments.await(r -> CommentEvents.PERIOD_CLOSED.name().equals(TopicProbe.header(r, "ce_type"))
                    && proposalId.equals(TopicProbe.header(r, "ce_subject")), Duration.ofSeconds(30));
            CommentPeriodClosed closed = AccordJson.read(record.value(), CommentPeriodClosed.class);
            assertThat(closed.periodId()).isEqualTo(periodId);
            assertThat(closed.reason()).isEqualTo("DEADLINE");
            assertThat(closed.kind()).isEqualTo("COMMITTEE");
            assertThat(closed.total()).isEqualTo(4);
            assertThat(closed.byType()).isEqualTo(Map.of("ge", 1, "te", 2, "ed", 1));
            assertThat(closed.byMemberBody()).isEqualTo(Map.of("CN", 1, "FR", 2, "KE", 1));
            assertThat(record.key()).isEqualTo(proposalId);
        }
        get("/comment-periods/" + periodId, TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.closeReason").isEqualTo("DEADLINE")
                .jsonPath("$.counts.total").isEqualTo(4);
        postJson("/comment-periods/" + periodId + "/comments", TestTokens.nationalBody("KE"),
                "{\"clause\":\"5.2\",\"type\":\"te\",\"comment\":\"too late\"}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.periodStatus").isEqualTo("CLOSED");
    }

    @Test
    void shouldOpenNothingTwiceWhenTheReviewIsRedeliveredOrAnnouncedAgain() {
        String committeeId = committee();
        String proposalId = fresh("p");
        String periodId = fresh("cp");
        CloudEvent opened = publish(ProposalEvents.REVIEW_OPENED, proposalId,
                review(proposalId, periodId, committeeId, Instant.now().plus(Duration.ofDays(30))));
        awaitReadable(periodId, "KE");
        postJson("/comment-periods/" + periodId + "/comments", TestTokens.nationalBody("KE"),
                "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"kept\"}").expectStatus().isCreated();

        republish(ProposalEvents.REVIEW_OPENED, proposalId, opened);
        publish(ProposalEvents.REVIEW_OPENED, proposalId, review(proposalId, periodId, committeeId, Instant.now().plusSeconds(1)));
        // A later event on the same partition: once its period exists, the two before it were handled.
        String marker = fresh("cp");
        publish(ProposalEvents.REVIEW_OPENED, proposalId, review(proposalId, marker, committeeId, Instant.now().plus(Duration.ofDays(30))));
        awaitReadable(marker, "KE");

        try (TopicProbe comments = TopicProbe.on(Topics.COMMENTS)) {
            comments.await(r -> isOpened(r, marker), Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> openings = comments.collect(r -> isOpened(r, periodId), Duration.ofSeconds(2));
            assertThat(openings).hasSize(1);
        }
        get("/comment-periods?proposal=" + proposalId, TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.periodId == '" + periodId + "')].status").isEqualTo("OPEN");
        get("/comment-periods/" + periodId + "/comments", TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void shouldCloseEarlyWhenTheEditorAsksAndIgnoreTheRequestWhenRepeated() {
        Opened review = openReview(Duration.ofDays(30));
        postJson("/comment-periods/" + review.periodId() + "/comments", TestTokens.nationalBody("SE"),
                "{\"clause\":\"Annex A\",\"type\":\"ed\",\"comment\":\"An observer's remark\"}").expectStatus().isCreated();

        ReviewCloseRequested close = new ReviewCloseRequested(review.proposalId(), review.periodId(), "editor", Instant.now());
        CloudEvent request = publish(ProposalEvents.REVIEW_CLOSE_REQUESTED, review.proposalId(), close);
        republish(ProposalEvents.REVIEW_CLOSE_REQUESTED, review.proposalId(), request);

        try (TopicProbe comments = TopicProbe.on(Topics.COMMENTS)) {
            ConsumerRecord<String, byte[]> record = comments.await(r -> isClosed(r, review.periodId()), Duration.ofSeconds(30));
            CommentPeriodClosed closed = AccordJson.read(record.value(), CommentPeriodClosed.class);
            assertThat(closed.reason()).isEqualTo("EDITOR");
            assertThat(closed.byMemberBody()).isEqualTo(Map.of("SE", 1));
            assertThat(comments.collect(r -> isClosed(r, review.periodId()), Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void shouldDeadLetterARequestToCloseAPeriodItNeverOpenedWithTheReasonAndCountIt() {
        String proposalId = fresh("p");
        String periodId = fresh("cp");
        ReviewCloseRequested close = new ReviewCloseRequested(proposalId, periodId, "editor", Instant.now());
        try (TopicProbe dlt = TopicProbe.on(Topics.deadLetter(Topics.PROPOSALS, "comments"))) {
            publish(ProposalEvents.REVIEW_CLOSE_REQUESTED, proposalId, close);
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> proposalId.equals(r.key()), Duration.ofSeconds(40));
            assertThat(TopicProbe.header(dead, "ce_type")).isEqualTo(ProposalEvents.REVIEW_CLOSE_REQUESTED.name());
            StringBuilder reason = new StringBuilder();
            dead.headers().forEach(h -> {
                if (h.key().contains("exception-message") || h.key().contains("exception_message")) {
                    reason.append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            assertThat(reason.toString()).contains("No comment period '" + periodId + "' here");
        }
        assertThat(registry.find("accord.events.unknown.reference").tag("kind", "comment period").counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(2));
        assertThat(registry.find("accord.events.dead.lettered").tag("reason", "UnknownReferenceException").counter()).isNotNull();
        get("/comment-periods/" + periodId, TestTokens.editor()).expectStatus().isNotFound();
    }

    @Test
    void shouldOpenAnEnquiryForADisBallotWithTheBallotsDeadlineButNoneForANewWorkItemBallot() {
        String committeeId = committee();
        String proposalId = fresh("p");
        String ballotId = fresh("b");
        String npBallotId = fresh("b");
        Instant deadline = Instant.parse("2031-03-01T12:00:00Z");
        publish(ProposalEvents.BALLOT_REQUESTED, proposalId, new BallotRequested(proposalId, npBallotId, committeeId, "NP",
                "ISO_NEW_WORK_ITEM", 1, CLAUSES, PARTICIPATING, OBSERVING, false, false, deadline, "editor", Instant.now(), null));
        publish(ProposalEvents.BALLOT_REQUESTED, proposalId, new BallotRequested(proposalId, ballotId, committeeId, "DIS",
                "ISO_ENQUIRY_APPROVAL", 2, CLAUSES, PARTICIPATING, List.of("SE", "MX"), true, false, deadline, "editor", Instant.now(), null));

        awaitReadable(ballotId, "MX");
        get("/comment-periods/" + ballotId, TestTokens.nationalBody("MX")).expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("ENQUIRY")
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.deadline").isEqualTo("2031-03-01T12:00:00Z");
        postJson("/comment-periods/" + ballotId + "/comments", TestTokens.nationalBody("MX"),
                "{\"clause\":\"A.1\",\"type\":\"te\",\"comment\":\"Un miembro del electorado comenta\",\"version\":2}")
                .expectStatus().isCreated();
        get("/comment-periods/" + npBallotId, TestTokens.editor()).expectStatus().isNotFound();
        try (TopicProbe comments = TopicProbe.on(Topics.COMMENTS)) {
            CommentPeriodOpened opened = AccordJson.read(comments.await(r -> isOpened(r, ballotId), Duration.ofSeconds(20)).value(),
                    CommentPeriodOpened.class);
            assertThat(opened.kind()).isEqualTo("ENQUIRY");
            assertThat(opened.deadline()).isEqualTo(deadline);
        }
    }

    @Test
    void shouldCloseAPeriodWhoseDeadlinePassedWhileTheServiceWasNotWatching() {
        String committeeId = committee();
        String proposalId = fresh("p");
        String periodId = fresh("cp");
        publish(ProposalEvents.REVIEW_OPENED, proposalId, review(proposalId, periodId, committeeId, Instant.now().minusSeconds(3600)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get("/comment-periods/" + periodId, TestTokens.secretariat()).expectStatus().isOk().expectBody()
                        .jsonPath("$.status").isEqualTo("CLOSED")
                        .jsonPath("$.closeReason").isEqualTo("DEADLINE")
                        .jsonPath("$.counts.total").isEqualTo(0));
    }

    private static boolean isOpened(ConsumerRecord<String, byte[]> record, String periodId) {
        return CommentEvents.PERIOD_OPENED.name().equals(TopicProbe.header(record, "ce_type"))
                && AccordJson.read(record.value(), CommentPeriodOpened.class).periodId().equals(periodId);
    }

    private static boolean isClosed(ConsumerRecord<String, byte[]> record, String periodId) {
        return CommentEvents.PERIOD_CLOSED.name().equals(TopicProbe.header(record, "ce_type"))
                && AccordJson.read(record.value(), CommentPeriodClosed.class).periodId().equals(periodId);
    }
}
