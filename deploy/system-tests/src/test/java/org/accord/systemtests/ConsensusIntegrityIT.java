package org.accord.systemtests;

import static org.accord.systemtests.api.AccordApi.body;
import static org.accord.systemtests.api.AccordApi.editor;
import static org.accord.systemtests.api.AccordApi.nationalBody;
import static org.accord.systemtests.api.AccordApi.secretariat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.systemtests.api.Reply;
import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.ProposalRun.SentComment;
import org.accord.systemtests.workflow.Workflow;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, through the gateway with real tokens: only a balloted text becomes a standard, on
 * every path. Each scenario is a path that succeeded before: publishing a revision nobody voted
 * on, a withdrawn project's ballot and enquiry running on, early close cutting off O-members whose
 * votes count, any rule set for any ballot, deadlines beyond RFC 3339, two editions under one
 * designation, and annex subclauses compiled out of order.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsensusIntegrityIT extends SystemTest {

    /** Published by the first scenario; the designation scenario revises it in the same year. */
    private static ProposalRun approvedText;

    @Test
    @Order(1)
    void shouldPublishOnlyTheVersionABallotApprovedAndCountAnFdisOnlyUnderTheCommitteesRules() {
        ProposalRun run = newRun("balloted-text");
        workflow.submit(run, Workflow.draft(run.name));
        JsonNode dis = workflow.requestBallot(run, "DIS", null, Instant.now().plus(Duration.ofMinutes(5)));
        String v1 = workflow.proposal(run).path("versions").get(0).path("sha256").asString();
        assertThat(dis.path("versionSha256").asString()).as("the ballot records the hash of its version").isEqualTo(v1);
        workflow.voteAll(run, dis, mb -> "APPROVE");
        workflow.awaitStage(run, "40.99", STEP);

        // A version nobody voted on, then straight to publication: refused, naming the stage and what is allowed.
        workflow.revise(run, Workflow.draft(run.name).replace("It does not specify", "It does not prescribe"), "after the DIS");
        Reply skip = api.exchange("POST", "/api/proposals/" + run.proposalId() + "/skip-final-ballot", editor(), null, null, Map.of());
        assertThat(skip.status()).as(skip.toString()).isEqualTo(409);
        assertThat(skip.json().path("currentStage").asString()).isEqualTo("40.99");
        assertThat(texts(skip.json().path("allowedActions"))).contains("request-fdis-ballot").doesNotContain("skip-final-ballot");
        assertThat(workflow.stage(run)).isEqualTo("40.99");

        // The committee follows the ISO procedure: an FDIS cannot be counted by simple majority.
        Reply majority = api.exchange("POST", "/api/proposals/" + run.proposalId() + "/ballots", editor(), "application/json",
                json(body("type", "FDIS", "ruleSet", "SIMPLE_MAJORITY", "deadline", Instant.now().plusSeconds(600).toString())),
                Map.of());
        assertThat(majority.status()).as(majority.toString()).isEqualTo(422);
        assertThat(majority.json().path("errors").get(0).path("field").asString()).isEqualTo("ruleSet");
        assertThat(workflow.stage(run)).isEqualTo("40.99");

        JsonNode fdis = workflow.requestBallot(run, "FDIS", null, Instant.now().plus(Duration.ofMinutes(5)));
        String v2 = workflow.proposal(run).path("versions").get(1).path("sha256").asString();
        assertThat(fdis.path("ruleSet").asString()).as("the procedure's default for an FDIS").isEqualTo("ISO_ENQUIRY_APPROVAL");
        assertThat(fdis.path("version").asInt()).isEqualTo(2);
        assertThat(fdis.path("versionSha256").asString()).isEqualTo(v2);
        workflow.voteAll(run, fdis, mb -> "APPROVE");
        ProposalRun.Edition edition = workflow.awaitPublished(run, STEP);
        assertThat(edition.textSha256()).as("the text the FDIS was on").isEqualTo(v2);
        approvedText = run;
        checks.verify(List.of(run));
    }

    @Test
    @Order(2)
    void shouldKeepAnEnquiryOpenForTheOMembersAndEndItsBallotAndPeriodWhenTheProjectIsWithdrawn() {
        Workflow.Committee tc1 = workflow.committee(Workflow.TC1_SLUG);
        ProposalRun run = newRun("withdrawn");
        workflow.submit(run, Workflow.draft(run.name));
        JsonNode dis = workflow.requestBallot(run, "DIS", null, Instant.now().plus(Duration.ofMinutes(5)));
        ProposalRun.Ballot ballot = run.lastBallot();
        ProposalRun.Period enquiry = run.lastPeriod("ENQUIRY");
        workflow.awaitPeriod(run, enquiry.periodId, "OPEN");

        // Every P-member approves: the O-members' votes still count in the 1/4 condition, so the ballot stays open.
        Workflow.join(tc1.participating().stream().map(mb -> java.util.concurrent.CompletableFuture.runAsync(
                () -> workflow.vote(ballot, mb, "APPROVE"), REQUESTS)).toList());
        assertThat(ballotView(ballot).path("status").asString()).isEqualTo("OPEN");
        String observer = tc1.observing().get(0);
        workflow.vote(ballot, observer, "DISAPPROVE");
        workflow.commentOne(run, enquiry, new SentComment("KE", "5.2", "te", "Say who publishes the dataset.",
                "Add: the reporting organization."));

        Reply withdrawn = api.exchange("POST", "/api/proposals/" + run.proposalId() + "/withdrawal", secretariat(),
                "application/json", json(body("reason", "Merged into another project")), Map.of());
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        String stage = withdrawn.json().path("stage").asString();
        assertThat(stage).isEqualTo("40.98");

        JsonNode ended = workflow.eventually("ballot " + ballot.ballotId + " withdrawn", STEP, () -> {
            JsonNode view = ballotView(ballot);
            return "CLOSED".equals(view.path("status").asString()) ? Optional.of(view) : Optional.empty();
        });
        assertThat(ended.path("outcome").asString()).as("no approval or rejection is published").isEqualTo("WITHDRAWN");
        assertThat(ended.path("closedBecause").asString()).isEqualTo("WITHDRAWN");
        JsonNode period = workflow.awaitPeriod(run, enquiry.periodId, "CLOSED");
        assertThat(period.path("closeReason").asString()).isEqualTo("WITHDRAWN");

        String late = tc1.observing().get(1);
        Reply vote = api.exchange("PUT", "/api/ballots/" + ballot.ballotId + "/votes/" + late, nationalBody(late),
                "application/json", json(body("position", "APPROVE")), Map.of());
        assertThat(vote.status()).as(vote.toString()).isEqualTo(409);
        assertThat(vote.json().path("outcome").asString()).isEqualTo("WITHDRAWN");
        Reply comment = api.exchange("POST", "/api/comment-periods/" + enquiry.periodId + "/comments", nationalBody("FR"),
                "application/json", json(body("clause", "5.2", "type", "ed", "comment", "Too late.")), Map.of());
        assertThat(comment.status()).as(comment.toString()).isEqualTo(409);
        assertThat(comment.json().path("closeReason").asString()).isEqualTo("WITHDRAWN");

        assertThat(workflow.stage(run)).as("the late close of the ballot and the period moves no stage").isEqualTo(stage);
        checks.verify(List.of(run.expectFinalStage(stage)));
    }

    @Test
    @Order(3)
    void shouldRefuseDeadlinesWithoutAnRfc3339FormOrBeyondTheHorizonAndLetTheSecretariatSetTheProcedure() {
        ProposalRun run = newRun("deadlines");
        workflow.submit(run, Workflow.draft(run.name));
        for (String deadline : List.of("+99999-01-01T00:00:00Z", Instant.now().plus(Duration.ofDays(3 * 366)).toString(),
                Instant.now().minusSeconds(60).toString())) {
            Reply reply = api.exchange("POST", "/api/proposals/" + run.proposalId() + "/comment-periods", editor(),
                    "application/json", json(body("deadline", deadline)), Map.of());
            assertThat(reply.status()).as(deadline + ": " + reply).isEqualTo(422);
            assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("deadline");
            Reply ballot = api.exchange("POST", "/api/proposals/" + run.proposalId() + "/ballots", editor(), "application/json",
                    json(body("type", "DIS", "deadline", deadline)), Map.of());
            assertThat(ballot.status()).as(deadline + ": " + ballot).isEqualTo(422);
        }
        assertThat(workflow.stage(run)).isEqualTo("10.00");

        String procedure = "/api/committees/" + Workflow.TC1_SLUG + "/procedure";
        assertThat(api.exchange("PUT", procedure, editor(), "application/json", json(body("procedure", "IEEE_SA")), Map.of())
                .status()).isEqualTo(403);
        Reply same = api.exchange("PUT", procedure, secretariat(), "application/json", json(body("procedure", "ISO")), Map.of());
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().path("procedure").asString()).isEqualTo("ISO");
        assertThat(texts(same.json().path("ruleSets").path("FDIS"))).containsExactly("ISO_ENQUIRY_APPROVAL");
    }

    @Test
    @Order(4)
    void shouldGiveASecondEditionOfTheSameYearItsOwnDesignationChainedToTheFirstEdition() {
        ProposalRun base = approvedText;
        if (base == null) {
            base = newRun("designation-base");
            workflow.publishThroughEnquiry(base, STEP);
        }
        ProposalRun.Edition first = base.edition().orElseThrow();
        ProposalRun run = newRun("same-year", "REVISION", first.designation());
        workflow.submit(run, Workflow.draft(run.name).replace("# 6 Machine-readable form",
                "# 6 Machine-readable form\n\nThe second edition of the year adds a schema version."));
        workflow.voteAll(run, workflow.requestBallot(run, "DIS", null, Instant.now().plus(Duration.ofMinutes(5))), mb -> "APPROVE");
        workflow.awaitStage(run, "40.99", STEP);
        workflow.skipFinalBallot(run);
        ProposalRun.Edition second = workflow.awaitPublished(run, STEP);

        assertThat(second.designation()).as("two editions, two designations").isNotEqualTo(first.designation());
        assertThat(second.previousEditionSha256()).isEqualTo(first.textSha256());
        JsonNode firstAgain = api.getAnonymous("/api/standards/" + first.slug(), null).requireStatus(200).json();
        assertThat(firstAgain.path("edition").asInt()).as(first.designation() + " names edition 1 only").isEqualTo(1);
        assertThat(firstAgain.path("replacedBy").asString()).isEqualTo(second.designation());
        JsonNode secondAgain = api.getAnonymous("/api/standards/" + second.slug(), null).requireStatus(200).json();
        assertThat(secondAgain.path("edition").asInt()).isEqualTo(2);
        assertThat(secondAgain.path("links").path("self").asString()).doesNotContain("?edition=");
        checks.verify(List.of(base, run));
    }

    @Test
    @Order(5)
    void shouldCompileCommentsOnAnnexSubclausesInNumericalOrderWhicheverWayTheyAreWritten() {
        ProposalRun run = newRun("annex-order");
        String annexes = "## A.1 Objects\n\nEach report is an object.\n\n## A.2 Arrays\n\nResults are arrays.\n\n"
                + "## A.10 Strings\n\nIdentifiers are strings.\n\n# Annex B (informative)";
        workflow.submit(run, Workflow.draft(run.name).replace("# Annex B (informative)", annexes));
        workflow.openCommentPeriod(run, Instant.now().plus(Duration.ofMinutes(10)));
        ProposalRun.Period period = run.lastPeriod("COMMITTEE");
        List<SentComment> comments = List.of(
                new SentComment("KE", "Annex A.10", "ed", "Name the encoding.", "Add: UTF-8."),
                new SentComment("KE", "Annex B", "ge", "The example is welcome.", null),
                new SentComment("KE", "A.2", "te", "Arrays may be empty.", "Say so."),
                new SentComment("KE", "Annex A.1", "ed", "Objects have no order.", "Say so."));
        workflow.commentBatch(run, period, "KE", comments);

        JsonNode compilation = api.get(editor(), "/api/comment-periods/" + period.periodId + "/compilation").requireStatus(200)
                .json();
        List<String> clauses = new ArrayList<>();
        for (JsonNode row : compilation.path("comments").isArray() ? compilation.path("comments") : compilation) {
            clauses.add(row.path("clause").asString());
        }
        // "Annex A.10" and "Annex A.1" name the draft's subclauses A.10 and A.1, which is how the comments are stored.
        assertThat(clauses).containsExactly("A.1", "A.2", "A.10", "Annex B");

        workflow.closeCommentPeriodEarly(run);
        workflow.awaitStage(run, "30.60", STEP);
    }

    private static JsonNode ballotView(ProposalRun.Ballot ballot) {
        return api.get(editor(), "/api/ballots/" + ballot.ballotId).requireStatus(200).json();
    }

    private static byte[] json(Object value) {
        return org.accord.events.AccordJson.mapper().writeValueAsBytes(value);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }
}
