package org.accord.systemtests;

import static org.accord.systemtests.api.AccordApi.editor;
import static org.accord.systemtests.api.AccordApi.encode;
import static org.accord.systemtests.api.AccordApi.nationalBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.accord.systemtests.checks.Feeds;
import org.accord.systemtests.checks.SseListener;
import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.ProposalRun.SentComment;
import org.accord.systemtests.workflow.Workflow;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The life of a standard across every process, through the gateway with real tokens: the
 * reference draft from submission to the feeds, a DIS referred back and balloted again, and a
 * revision of the published standard chained to its first edition.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandardLifecycleIT extends SystemTest {

    /** The reference standard, published by the happy path; the revision scenario revises it. */
    private static ProposalRun reference;

    @Test
    @Order(1)
    void shouldPublishTheReferenceDraftAfterCommentsDispositionsAndAnApprovedEnquiryWithoutAFinalBallot() {
        Workflow.Committee tc1 = workflow.committee(Workflow.TC1_SLUG);
        List<String> csvBodies = List.of("FR", "CN", "DE", "US", "KE", "JP", "GB", "BR");
        // Tokens first: the comment period's deadline is only seconds away.
        csvBodies.forEach(mb -> api.token(nationalBody(mb)));
        api.token(editor());

        try (SseListener sse = SseListener.subscribe(api.http(), api.base() + "/feeds/sse")) {
            ProposalRun run = newRun("reference");
            String draft = Workflow.resource("draft-acc-tc1-wd-42.md");
            workflow.submit(run, draft);
            JsonNode submitted = workflow.proposal(run);
            assertThat(submitted.path("stage").asString()).isEqualTo("10.00");
            assertThat(submitted.path("clauses").size()).isGreaterThan(15);

            Instant deadline = Instant.now().plusSeconds(12);
            workflow.openCommentPeriod(run, deadline);
            assertThat(workflow.stage(run)).isEqualTo("30.20");
            ProposalRun.Period period = run.lastPeriod("COMMITTEE");

            List<CompletableFuture<Void>> sending = new ArrayList<>();
            sending.add(CompletableFuture.runAsync(() -> workflow.commentOne(run, period, new SentComment("KE", "5.2", "te",
                    "Datasets of public agencies may be published only in aggregate.", "Allow aggregated datasets.")), REQUESTS));
            sending.add(CompletableFuture.runAsync(() -> workflow.commentBatch(run, period, "DE", List.of(
                    new SentComment("DE", "3.1", "ed", "The definition repeats the term.", "Delete \"report\" from the definition."),
                    new SentComment("DE", "5.4", "te", "Hardware and software versions are conditions of evaluation.",
                            "Add hardware and software versions to the list."))), REQUESTS));
            for (String mb : csvBodies) {
                sending.add(CompletableFuture.runAsync(() -> workflow.uploadCsv(run, period, mb, Workflow.templateRowsOf(mb)), REQUESTS));
            }
            Workflow.join(sending);
            assertThat(Instant.now()).as("the comments were in before the deadline").isBefore(deadline);

            workflow.awaitStage(run, "30.60", STEP);
            JsonNode closed = workflow.awaitPeriod(run, period.periodId, "CLOSED");
            assertThat(closed.path("closeReason").asString()).isEqualTo("DEADLINE");
            assertThat(closed.path("counts").path("total").asInt()).isEqualTo(period.sent().size());
            assertThat(closed.path("counts").path("byMemberBody").size()).as("member bodies that commented").isEqualTo(8);

            assertThat(workflow.disposeAll(run, period)).isEqualTo(period.sent().size());
            String revised = draft.replace("acceptance thresholds for any metric.",
                    "acceptance thresholds for any metric. Aggregated datasets may stand in for datasets that cannot be published.");
            workflow.revise(run, revised, "Dispositions of the CD consultation applied");
            assertThat(workflow.proposal(run).path("latestVersion").asInt()).isEqualTo(2);

            JsonNode ballot = workflow.requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL", Instant.now().plus(Duration.ofMinutes(5)));
            assertThat(workflow.stage(run)).isEqualTo("40.20");
            assertThat(ballot.path("ruleSet").asString()).isEqualTo("ISO_ENQUIRY_APPROVAL");
            assertThat(ballot.path("electorate").path("participating").size()).isEqualTo(tc1.participating().size());
            workflow.voteAll(run, ballot, mb -> Set.of("JP", "IT").contains(mb) ? "APPROVE_WITH_COMMENTS"
                    : Set.of("CH").contains(mb) ? "ABSTAIN" : "APPROVE");
            workflow.awaitStage(run, "40.99", STEP);
            JsonNode result = api.getAnonymous("/api/ballots/" + run.lastBallot().ballotId, null).requireStatus(200).json();
            assertThat(result.path("outcome").asString()).isEqualTo("APPROVED");
            // Issue 13: closing early once the outcome cannot change, which may come before the last P-member voted.
            assertThat(result.path("closedBecause").asString()).isIn("ALL_VOTED", "OUTCOME_SETTLED");
            assertThat(result.path("tally").path("participatingDisapprove").asInt()).isZero();

            workflow.skipFinalBallot(run);
            ProposalRun.Edition edition = workflow.awaitPublished(run, STEP);
            assertThat(edition.edition()).isEqualTo(1);
            assertThat(edition.designation()).startsWith("ACC " + submitted.path("projectNumber").asInt() + ":");
            assertThat(edition.textSha256()).isEqualTo(workflow.proposal(run).path("versions").get(1).path("sha256").asString());
            assertThat(api.getAnonymous("/api/standards/" + edition.slug() + "/text.md", "text/markdown").requireStatus(200).text())
                    .isEqualTo(revised);

            SseListener.Event live = sse.await(e -> edition.designation().equals(e.data().path("designation").asString()),
                    Duration.ofSeconds(30));
            assertThat(live.name()).isEqualTo("standard-published");
            assertThat(live.data().path("edition").asInt()).isEqualTo(1);
            assertThat(Feeds.atomEntryIds(api)).contains(edition.feedEntryId());
            assertThat(Feeds.jsonFeedItems(api)).anyMatch(i -> i.path("id").asString().equals(edition.feedEntryId()));
            assertThat(workflow.stage(run)).isEqualTo("60.60");
            reference = run;
            checks.verify(List.of(run));
        }
    }

    @Test
    @Order(2)
    void shouldReferADisapprovedEnquiryBackAndPublishAfterARevisionPassesANewBallot() {
        ProposalRun run = newRun("referred");
        workflow.submit(run, Workflow.draft(run.name));
        JsonNode first = workflow.requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL", Instant.now().plus(Duration.ofMinutes(5)));
        List<String> participating = new ArrayList<>();
        first.path("electorate").path("participating").forEach(n -> participating.add(n.asString()));
        // Half the P-members disapprove: far beyond the quarter of all votes the ISO rule tolerates.
        Set<String> against = Set.copyOf(participating.subList(0, participating.size() / 2));
        workflow.voteAll(run, first, mb -> against.contains(mb) ? "DISAPPROVE" : "APPROVE");
        workflow.awaitStage(run, "40.92", STEP);
        JsonNode rejected = api.getAnonymous("/api/ballots/" + first.path("ballotId").asString(), null).requireStatus(200).json();
        assertThat(rejected.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("explanation").asString()).isNotBlank();

        workflow.revise(run, Workflow.draft(run.name).replace("It does not specify", "It does not prescribe"),
                "Reasons of the disapprovals addressed");
        JsonNode second = workflow.requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL", Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(workflow.stage(run)).isEqualTo("40.93");
        workflow.voteAll(run, second, mb -> "APPROVE");
        workflow.awaitStage(run, "40.99", STEP);
        workflow.skipFinalBallot(run);
        ProposalRun.Edition edition = workflow.awaitPublished(run, STEP);
        assertThat(edition.edition()).isEqualTo(1);
        JsonNode history = api.get(editor(), "/api/proposals/" + run.proposalId() + "/history").requireStatus(200).json();
        List<String> stages = new ArrayList<>();
        history.path("events").forEach(e -> stages.add(e.path("stage").asString()));
        assertThat(stages).containsSubsequence("40.20", "40.92", "40.93", "40.99", "60.00", "60.60");
        checks.verify(List.of(run));
    }

    @Test
    @Order(3)
    void shouldPublishARevisionAsEditionTwoChainedToTheHashOfEditionOne() {
        ProposalRun base = reference;
        if (base == null) {
            // The happy path failed; publish a first edition here so this scenario stands on its own.
            base = newRun("base");
            workflow.publishThroughEnquiry(base, STEP);
        }
        ProposalRun.Edition first = base.edition().orElseThrow();
        ProposalRun run = newRun("revision", "REVISION", first.designation());
        workflow.submit(run, Workflow.draft(run.name).replace("# 6 Machine-readable form",
                "# 6 Machine-readable form\n\nThe second edition adds a schema version to every report."));
        assertThat(workflow.proposal(run).path("projectNumber").asInt())
                .as("a revision keeps the number of the standard it revises")
                .isEqualTo(workflow.proposal(base).path("projectNumber").asInt());
        workflow.voteAll(run, workflow.requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL", Instant.now().plus(Duration.ofMinutes(5))),
                mb -> "APPROVE");
        workflow.awaitStage(run, "40.99", STEP);
        workflow.skipFinalBallot(run);
        ProposalRun.Edition second = workflow.awaitPublished(run, STEP);

        assertThat(second.edition()).isEqualTo(2);
        assertThat(second.previousEditionSha256()).isEqualTo(first.textSha256());
        JsonNode verification = api.getAnonymous("/api/standards/" + second.slug() + "/verification", null).requireStatus(200).json();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        JsonNode links = verification.path("editions");
        assertThat(links.size()).isEqualTo(2);
        assertThat(links.get(0).path("edition").asInt()).isEqualTo(1);
        assertThat(links.get(0).path("recordedSha256").asString()).isEqualTo(first.textSha256());
        assertThat(links.get(1).path("edition").asInt()).isEqualTo(2);
        assertThat(links.get(1).path("recordedPreviousSha256").asString()).isEqualTo(first.textSha256());
        assertThat(links.get(1).path("expectedPreviousSha256").asString()).isEqualTo(first.textSha256());
        JsonNode editions = api.getAnonymous("/api/standards/" + encode(second.designation()) + "/editions", null).requireStatus(200).json();
        assertThat(editions.size()).isEqualTo(2);
        checks.verify(List.of(base, run));
    }
}
