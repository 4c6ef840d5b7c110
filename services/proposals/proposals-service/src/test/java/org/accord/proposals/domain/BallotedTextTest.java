package org.accord.proposals.domain;

import static org.accord.proposals.domain.ProposalFixtures.EDITOR;
import static org.accord.proposals.domain.ProposalFixtures.ELECTORATE;
import static org.accord.proposals.domain.ProposalFixtures.NOW;
import static org.accord.proposals.domain.ProposalFixtures.SECRETARIAT;
import static org.accord.proposals.domain.ProposalFixtures.TEXT_V1;
import static org.accord.proposals.domain.ProposalFixtures.TEXT_V2;
import static org.accord.proposals.domain.ProposalFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

import org.accord.problem.ConflictException;
import org.accord.problem.InvalidInputException;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.CommitteeProcedureSet;
import org.accord.proposals.events.PublicationApproved;
import org.junit.jupiter.api.Test;

/** Issue 13: only a balloted text becomes a standard, rule sets follow the committee's procedure, deadlines are bounded. */
class BallotedTextTest {

    static final Period HORIZON = Period.ofYears(2);

    static Change<Proposal> request(Proposal p, BallotType type, RuleSet ruleSet, Procedure procedure) {
        return p.requestBallot("b-9", type, ruleSet, NOW.plus(Duration.ofDays(30)), false, ELECTORATE, procedure, HORIZON,
                EDITOR, NOW);
    }

    @Test
    void shouldRecordTheNumberAndHashOfTheBallotedVersion() {
        Change<Proposal> requested = request(at(Stage.CD_CLOSED), BallotType.DIS, null, Procedure.ISO);

        assertThat(requested.state().ballot().versionSha256()).isEqualTo(TextDigest.sha256(TEXT_V1));
        assertThat(requested.events()).first().isInstanceOfSatisfying(BallotRequested.class, ballot -> {
            assertThat(ballot.version()).isEqualTo(1);
            assertThat(ballot.versionSha256()).isEqualTo(TextDigest.sha256(TEXT_V1));
        });
    }

    @Test
    void shouldRefuseToSkipTheFinalBallotOnceAVersionNobodyVotedOnWasStored() {
        Proposal approved = at(Stage.DIS_APPROVED);
        assertThat(approved.allowedActions()).contains("skip-final-ballot");

        Proposal revised = approved.reviseDraft(TEXT_V2, "editorial", EDITOR, NOW).state();

        assertThat(revised.allowedActions()).containsExactly("revise-draft", "request-fdis-ballot", "withdraw");
        assertThatThrownBy(() -> revised.skipFinalBallot(TEXT_V1, EDITOR, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("version 2 was stored after").contains("approved version 1");
                    assertThat(e.properties()).containsEntry("currentStage", "40.99")
                            .containsEntry("allowedActions", List.of("revise-draft", "request-fdis-ballot"));
                });
    }

    @Test
    void shouldSkipTheFinalBallotWithTheVersionTheEnquiryApproved() {
        Proposal enquiry = request(at(Stage.CD_CLOSED), BallotType.DIS, null, Procedure.ISO).state();
        Proposal approved = enquiry.ballotClosed("b-9", true, 0, "approved", TEXT_V1, "/accord/voting", NOW).orElseThrow().state();
        assertThat(approved.approved()).isEqualTo(new ApprovedVersion("b-9", BallotType.DIS, 1, TextDigest.sha256(TEXT_V1)));

        Change<Proposal> skipped = approved.skipFinalBallot(TEXT_V1, EDITOR, NOW);

        assertThat(skipped.events()).filteredOn(PublicationApproved.class::isInstance).singleElement()
                .isInstanceOfSatisfying(PublicationApproved.class, publication -> {
                    assertThat(publication.version()).isEqualTo(1);
                    assertThat(publication.textSha256()).isEqualTo(TextDigest.sha256(TEXT_V1));
                    assertThat(publication.approvedByBallot()).isEqualTo("b-9");
                });
    }

    @Test
    void shouldPublishTheVersionTheFinalBallotWasOnAfterARevisionFollowingTheEnquiry() {
        Proposal revised = at(Stage.DIS_APPROVED).reviseDraft(TEXT_V2, "comments applied", EDITOR, NOW).state();
        Proposal fdis = request(revised, BallotType.FDIS, null, Procedure.ISO).state();
        assertThat(fdis.ballot().version()).isEqualTo(2);

        Change<Proposal> approved = fdis.ballotClosed("b-9", true, 0, "approved", TEXT_V2, "/accord/voting", NOW).orElseThrow();

        assertThat(approved.state().stage()).isEqualTo(Stage.UNDER_PUBLICATION);
        assertThat(approved.events()).filteredOn(PublicationApproved.class::isInstance).singleElement()
                .isInstanceOfSatisfying(PublicationApproved.class, publication -> {
                    assertThat(publication.version()).isEqualTo(2);
                    assertThat(publication.textSha256()).isEqualTo(TextDigest.sha256(TEXT_V2));
                    assertThat(publication.approvedByBallot()).isEqualTo("b-9");
                });
        assertThatThrownBy(() -> fdis.ballotClosed("b-9", true, 0, "approved", TEXT_V1, "/accord/voting", NOW))
                .as("a text other than the balloted one").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseARuleSetTheCommitteesProcedureDoesNotAllowForTheBallotType() {
        assertThatThrownBy(() -> request(at(Stage.DIS_APPROVED), BallotType.FDIS, RuleSet.SIMPLE_MAJORITY, Procedure.ISO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("ruleSet");
                        assertThat(error.message()).contains("ISO procedure").contains("ISO_ENQUIRY_APPROVAL");
                    });
                });
        assertThatThrownBy(() -> request(at(Stage.REGISTERED), BallotType.NP, RuleSet.ISO_ENQUIRY_APPROVAL, Procedure.ISO))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> request(at(Stage.CD_CLOSED), BallotType.DIS, RuleSet.ISO_ENQUIRY_APPROVAL, Procedure.IEEE_SA))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldUseTheProceduresDefaultForTheBallotTypeWhenNoRuleSetIsNamed() {
        assertThat(request(at(Stage.CD_CLOSED), BallotType.DIS, null, Procedure.IEEE_SA).state().ballot().ruleSet())
                .isEqualTo(RuleSet.IEEE_SA);
        assertThat(request(at(Stage.REGISTERED), BallotType.NP, null, Procedure.ISO).state().ballot().ruleSet())
                .isEqualTo(RuleSet.ISO_NEW_WORK_ITEM);
        assertThat(request(at(Stage.DIS_APPROVED), BallotType.FDIS, null, Procedure.SIMPLE_MAJORITY).state().ballot().ruleSet())
                .isEqualTo(RuleSet.SIMPLE_MAJORITY);
        for (Procedure procedure : Procedure.values()) {
            for (BallotType type : BallotType.values()) {
                assertThat(procedure.allows(type, procedure.defaultRuleSet(type))).isTrue();
            }
        }
    }

    @Test
    void shouldRefuseDeadlinesInThePastOrBeyondTheHorizonNamingTheField() {
        Proposal p = at(Stage.REGISTERED);
        Instant latest = Instant.parse("2029-01-10T09:00:00Z");
        assertThat(p.openCommentPeriod("cp-1", latest, HORIZON, EDITOR, NOW).state().commentPeriod().deadline()).isEqualTo(latest);
        for (Instant deadline : List.of(NOW.minusSeconds(1), latest.plusSeconds(1), Instant.parse("+99999-01-01T00:00:00Z"))) {
            assertThatThrownBy(() -> p.openCommentPeriod("cp-1", deadline, HORIZON, EDITOR, NOW))
                    .as("%s", deadline)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("deadline")));
            assertThatThrownBy(() -> p.requestBallot("b-1", BallotType.DIS, null, deadline, false, ELECTORATE, Procedure.ISO,
                    HORIZON, EDITOR, NOW)).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> p.openCommentPeriod("cp-1", NOW.plus(Duration.ofDays(40)), Period.ofDays(30), EDITOR, NOW))
                .as("a configured horizon").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldLetTheSecretariatSetACommitteesProcedureWithAnEventOnlyWhenItChanges() {
        Committee committee = Committee.register("ACC/TC 9", "Test", "FR", List.of("FR"), List.of(), "reference-data", NOW)
                .state();
        assertThat(committee.procedure()).isEqualTo(Procedure.ISO);

        Change<Committee> set = committee.setProcedure(Procedure.IEEE_SA, SECRETARIAT, NOW);

        assertThat(set.state().procedure()).isEqualTo(Procedure.IEEE_SA);
        assertThat(set.state().membershipVersion()).isEqualTo(committee.membershipVersion());
        assertThat(set.events()).singleElement().isInstanceOfSatisfying(CommitteeProcedureSet.class, event -> {
            assertThat(event.procedure()).isEqualTo("IEEE_SA");
            assertThat(event.previousProcedure()).isEqualTo("ISO");
            assertThat(event.ruleSets()).containsEntry("DIS", List.of("IEEE_SA"));
        });
        assertThat(set.state().setProcedure(Procedure.IEEE_SA, SECRETARIAT, NOW).events()).isEmpty();
        assertThatThrownBy(() -> committee.setProcedure(Procedure.SIMPLE_MAJORITY, EDITOR, NOW))
                .isInstanceOf(org.accord.problem.ForbiddenException.class);
    }
}
