package org.accord.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.ConflictException;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.ProblemException;
import org.accord.problem.UnauthorizedException;
import org.junit.jupiter.api.Test;

class BallotTest {

    static final Instant OPENED = Instant.parse("2027-02-01T10:30:00Z");
    static final Instant DEADLINE = OPENED.plus(Duration.ofDays(84));
    static final Instant DURING = OPENED.plus(Duration.ofDays(10));

    static BallotRequest request(String type, String ruleSet, boolean observersMayVote, boolean earlyClose) {
        return new BallotRequest("b-1", "p-1", "ACC/TC 1", type, ruleSet, 2, List.of("DE", "FR", "GB"),
                List.of("IT", "SE"), observersMayVote, earlyClose, DEADLINE);
    }

    static Ballot dis() {
        return Ballot.open(request("DIS", "ISO_ENQUIRY_APPROVAL", true, false), OPENED).ballot();
    }

    static Transition vote(Ballot ballot, String memberBody, Position position, String reasons) {
        return ballot.cast(Actor.nationalBody(memberBody), memberBody, new VoteChoice(position, reasons, null, null), DURING);
    }

    @Test
    void shouldOpenWithTheElectorateFixedAndObserversOnlyWhereTheTypeAndTheRequestAllowIt() {
        Transition opening = Ballot.open(request("DIS", "ISO_ENQUIRY_APPROVAL", true, false), OPENED);
        assertThat(opening.facts()).containsExactly(new BallotFact.Opened());
        assertThat(opening.ballot().status()).isEqualTo(BallotStatus.OPEN);
        assertThat(opening.ballot().membershipOf("IT")).contains(Membership.O);
        assertThat(opening.ballot().tally().electorate()).isEqualTo(5);

        Ballot closedToObservers = Ballot.open(request("DIS", "ISO_ENQUIRY_APPROVAL", false, false), OPENED).ballot();
        assertThat(closedToObservers.membershipOf("IT")).isEmpty();
        assertThat(closedToObservers.tally().electorate()).isEqualTo(3);

        Ballot np = Ballot.open(request("NP", "ISO_NEW_WORK_ITEM", true, false), OPENED).ballot();
        assertThat(np.observersMayVote()).isFalse();
        assertThat(np.membershipOf("IT")).isEmpty();
        assertThat(np.membershipOf("DE")).contains(Membership.P);
    }

    @Test
    void shouldRefuseToOpenWithAnUnknownTypeOrRuleSetNamingEachField() {
        assertThatThrownBy(() -> Ballot.open(request("CD", "ANSI", true, false), OPENED))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(org.accord.problem.FieldError::field).containsExactly("ballotType", "ruleSet"));
    }

    @Test
    void shouldRecordOneCurrentVotePerMemberBodyAndKeepEveryChangeInTheHistory() {
        Ballot ballot = vote(dis(), "DE", Position.APPROVE, null).ballot();
        Transition change = vote(ballot, "DE", Position.DISAPPROVE, "Clause 4.1 is not testable");
        ballot = change.ballot();

        assertThat(ballot.votes()).singleElement().satisfies(v -> {
            assertThat(v.position()).isEqualTo(Position.DISAPPROVE);
            assertThat(v.sequence()).isEqualTo(2);
            assertThat(v.changesEarlierVote()).isTrue();
        });
        assertThat(ballot.history()).extracting(Vote::position).containsExactly(Position.APPROVE, Position.DISAPPROVE);
        assertThat(change.facts()).singleElement().isInstanceOf(BallotFact.VoteRecorded.class);
    }

    @Test
    void shouldChangeNothingWhenTheSameVoteIsSentAgain() {
        Ballot ballot = vote(dis(), "DE", Position.DISAPPROVE, "Clause 4.1 is not testable").ballot();

        Transition again = vote(ballot, "DE", Position.DISAPPROVE, "Clause 4.1 is not testable");

        assertThat(again.changed()).isFalse();
        assertThat(again.ballot().history()).hasSize(1);
    }

    @Test
    void shouldRefuseADisapprovalWithoutReasonsNamingTheReasonsField() {
        assertThatThrownBy(() -> vote(dis(), "DE", Position.DISAPPROVE, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("reasons"));
    }

    @Test
    void shouldRefuseAVoteForAnotherMemberBody() {
        assertThatThrownBy(() -> dis().cast(Actor.nationalBody("FR"), "DE", new VoteChoice(Position.APPROVE, null, null, null), DURING))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("not for DE");
        assertThatThrownBy(() -> dis().cast(Actor.of("editor", Role.EDITOR), "DE", new VoteChoice(Position.APPROVE, null, null, null), DURING))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> dis().cast(Actor.ANONYMOUS, "DE", new VoteChoice(Position.APPROVE, null, null, null), DURING))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void shouldRefuseAVoteFromOutsideTheElectorate() {
        assertThatThrownBy(() -> vote(dis(), "KE", Position.APPROVE, null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("not in the electorate");
        Ballot np = Ballot.open(request("NP", "ISO_NEW_WORK_ITEM", true, false), OPENED).ballot();
        assertThatThrownBy(() -> vote(np, "IT", Position.APPROVE, null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("O-members do not vote on NP ballots");
    }

    @Test
    void shouldRefuseVotesAfterTheDeadlineAndAfterClose() {
        Ballot ballot = dis();
        assertThatThrownBy(() -> ballot.cast(Actor.nationalBody("DE"), "DE", new VoteChoice(Position.APPROVE, null, null, null), DEADLINE))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status()).isEqualTo(409));

        Ballot closed = ballot.closeIfDue(DEADLINE).ballot();
        assertThatThrownBy(() -> vote(closed, "DE", Position.APPROVE, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(((ProblemException) e).properties())
                        .containsEntry("ballotStatus", "CLOSED"));
    }

    @Test
    void shouldTakeCommitmentsWithTheirExpertOnNewWorkItemBallotsOnly() {
        Ballot np = Ballot.open(request("NP", "ISO_NEW_WORK_ITEM", false, false), OPENED).ballot();
        Ballot committed = np.cast(Actor.nationalBody("DE"), "DE", new VoteChoice(Position.APPROVE, null, true, "Dr. A. Weber"),
                DURING).ballot();
        assertThat(committed.voteOf("DE")).hasValueSatisfying(v -> assertThat(v.expert()).isEqualTo("Dr. A. Weber"));
        assertThat(committed.tally().commitmentsToParticipate()).isEqualTo(1);

        assertThatThrownBy(() -> np.cast(Actor.nationalBody("DE"), "DE", new VoteChoice(Position.APPROVE, null, true, null), DURING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("expert"));
        assertThatThrownBy(() -> dis().cast(Actor.nationalBody("DE"), "DE", new VoteChoice(Position.APPROVE, null, true, "X"), DURING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("commitsToParticipate"));
    }

    @Test
    void shouldCloseEarlyInTheSameStepAsTheLastVoteThatCountsWhereAllowed() {
        // Issue 13: every P-member voting is no longer enough on a DIS: the O-members' votes count in the 1/4 condition.
        Ballot ballot = Ballot.open(request("DIS", "ISO_ENQUIRY_APPROVAL", true, true), OPENED).ballot();
        ballot = vote(ballot, "DE", Position.APPROVE, null).ballot();
        ballot = vote(ballot, "FR", Position.APPROVE, null).ballot();
        ballot = vote(ballot, "GB", Position.APPROVE, null).ballot();
        ballot = vote(ballot, "IT", Position.DISAPPROVE, "Clause 4 is unsafe").ballot();
        assertThat(ballot.closed()).as("SE disapproving would make 2 of 5 negative").isFalse();

        Transition last = vote(ballot, "SE", Position.APPROVE, null);

        assertThat(last.facts()).hasSize(2).last().isInstanceOfSatisfying(BallotFact.Closed.class, closed -> {
            assertThat(closed.result().closedBecause()).isEqualTo(CloseReason.ALL_VOTED);
            assertThat(closed.result().outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(closed.result().tally().notVoted()).isZero();
        });
        assertThat(last.ballot().closed()).isTrue();
    }

    @Test
    void shouldKeepAnEnquiryOpenAfterEveryPMemberVotedWhileTheOMembersCanStillSinkIt() {
        Ballot ballot = Ballot.open(request("DIS", "ISO_ENQUIRY_APPROVAL", true, true), OPENED).ballot();
        for (String member : List.of("DE", "FR", "GB")) {
            ballot = vote(ballot, member, Position.APPROVE, null).ballot();
        }
        assertThat(ballot.closed()).isFalse();

        Transition sinking = vote(ballot, "IT", Position.DISAPPROVE, "Clause 4 is unsafe");
        assertThat(sinking.ballot().closed()).isFalse();
        Ballot rejected = vote(sinking.ballot(), "SE", Position.DISAPPROVE, "Clause 5 too").ballot();
        assertThat(rejected.result().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void shouldCloseAnEnquiryEarlyOnceNoOMemberVoteCanChangeItsOutcome() {
        Ballot ballot = Ballot.open(request("DIS", "ISO_ENQUIRY_APPROVAL", true, true), OPENED).ballot();
        for (String member : List.of("DE", "FR", "GB", "IT")) {
            ballot = vote(ballot, member, Position.APPROVE, null).ballot();
        }
        // 4 approvals: SE disapproving would be 1 of 5 negative (at most 1/4), so nothing can change the outcome.
        assertThat(ballot.closed()).isTrue();
        assertThat(ballot.result().closedBecause()).isEqualTo(CloseReason.OUTCOME_SETTLED);
        assertThat(ballot.result().outcome()).isEqualTo(Outcome.APPROVED);
        Ballot closed = ballot;
        assertThatThrownBy(() -> vote(closed, "SE", Position.DISAPPROVE, "late"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void shouldCloseANewWorkItemOnceThePMembersLeftCannotChangeItWithoutWaitingForOMembers() {
        BallotRequest np = new BallotRequest("b-1", "p-1", "ACC/TC 1", "NP", "ISO_NEW_WORK_ITEM", 2, "a".repeat(64),
                List.of("DE", "FR", "GB", "JP", "KE"), List.of("IT"), true, true, DEADLINE);
        Ballot ballot = Ballot.open(np, OPENED).ballot();
        for (String member : List.of("DE", "FR", "GB")) {
            ballot = commit(ballot, member).ballot();
        }
        assertThat(ballot.closed()).as("3 committed; the 4th is still to come").isFalse();
        ballot = commit(ballot, "JP").ballot();

        assertThat(ballot.closed()).isTrue();
        assertThat(ballot.result().closedBecause()).isEqualTo(CloseReason.OUTCOME_SETTLED);
        assertThat(ballot.result().outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(ballot.result().tally().notVoted()).isEqualTo(1);
    }

    @Test
    void shouldCloseAnIeeeBallotOnlyOnceTheWholeBallotGroupCannotChangeIt() {
        Ballot ballot = Ballot.open(request("DIS", "IEEE_SA", true, true), OPENED).ballot();
        for (String member : List.of("DE", "FR", "GB")) {
            ballot = vote(ballot, member, Position.APPROVE, null).ballot();
        }
        // 3 of 5 returned: IT and SE not returning would leave 60% (< 75%).
        assertThat(ballot.closed()).isFalse();
        ballot = vote(ballot, "IT", Position.APPROVE, null).ballot();
        // 4 of 5 returned, all approve: SE disapproving gives 80%, abstaining 20%, neither changes the outcome.
        assertThat(ballot.closed()).isTrue();
        assertThat(ballot.result().closedBecause()).isEqualTo(CloseReason.OUTCOME_SETTLED);
        assertThat(ballot.result().outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void shouldCloseASimpleMajorityBallotOnceTheMajorityCannotBeOvertaken() {
        Ballot ballot = Ballot.open(request("DIS", "SIMPLE_MAJORITY", false, true), OPENED).ballot();
        ballot = vote(ballot, "DE", Position.DISAPPROVE, "No").ballot();
        ballot = vote(ballot, "FR", Position.DISAPPROVE, "No").ballot();

        assertThat(ballot.closed()).isTrue();
        assertThat(ballot.result().closedBecause()).isEqualTo(CloseReason.OUTCOME_SETTLED);
        assertThat(ballot.result().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void shouldEndAnOpenBallotOfAWithdrawnProjectWithoutAResultAndRefuseLaterVotes() {
        Ballot ballot = vote(dis(), "DE", Position.APPROVE, null).ballot();

        Transition withdrawn = ballot.withdraw("40.20", DURING);

        assertThat(withdrawn.facts()).singleElement().isInstanceOfSatisfying(BallotFact.Closed.class, closed -> {
            assertThat(closed.result().outcome()).isEqualTo(Outcome.WITHDRAWN);
            assertThat(closed.result().closedBecause()).isEqualTo(CloseReason.WITHDRAWN);
            assertThat(closed.result().checks()).isEmpty();
            assertThat(closed.result().tally().participatingApprove()).isEqualTo(1);
        });
        assertThat(withdrawn.ballot().withdraw("40.20", DEADLINE).changed()).isFalse();
        assertThat(withdrawn.ballot().closeIfDue(DEADLINE).changed()).isFalse();
        assertThatThrownBy(() -> vote(withdrawn.ballot(), "FR", Position.APPROVE, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.title()).isEqualTo("Ballot withdrawn");
                    assertThat(e.properties()).containsEntry("outcome", "WITHDRAWN").containsEntry("ballotStatus", "CLOSED");
                });
        Ballot decided = vote(Ballot.open(request("DIS", "SIMPLE_MAJORITY", false, true), OPENED).ballot(), "DE",
                Position.APPROVE, null).ballot();
        decided = vote(decided, "FR", Position.APPROVE, null).ballot();
        assertThat(decided.withdraw("40.20", DURING).changed()).as("a closed ballot keeps its result").isFalse();
    }

    private static Transition commit(Ballot ballot, String member) {
        return ballot.cast(Actor.nationalBody(member), member, new VoteChoice(Position.APPROVE, null, true, "Expert of " + member),
                DURING);
    }

    @Test
    void shouldNotCloseEarlyWhenTheBallotDoesNotAllowIt() {
        Ballot ballot = dis();
        for (String member : List.of("DE", "FR", "GB")) {
            ballot = vote(ballot, member, Position.APPROVE, null).ballot();
        }
        assertThat(ballot.closed()).isFalse();
    }

    @Test
    void shouldCloseAtTheDeadlineOnceAndThenStayClosed() {
        Ballot ballot = vote(dis(), "DE", Position.APPROVE, null).ballot();
        assertThat(ballot.closeIfDue(DEADLINE.minusMillis(1)).changed()).isFalse();

        Transition closing = ballot.closeIfDue(DEADLINE);
        assertThat(closing.facts()).singleElement().isInstanceOfSatisfying(BallotFact.Closed.class, closed -> {
            assertThat(closed.result().closedBecause()).isEqualTo(CloseReason.DEADLINE);
            assertThat(closed.result().explanation()).startsWith("Approved: 1 of 1 (100.0%)");
        });

        Transition again = closing.ballot().closeIfDue(DEADLINE.plusSeconds(5));
        assertThat(again.changed()).isFalse();
        assertThat(again.ballot().result()).isEqualTo(closing.ballot().result());
    }

    @Test
    void shouldShowTheHistoryToTheSecretariatAndEditorWhileOpenAndToAnyoneOnceClosed() {
        Ballot open = dis();
        open.requireHistoryReadableBy(Actor.of("sec", Role.SECRETARIAT));
        open.requireHistoryReadableBy(Actor.of("ed", Role.EDITOR));
        assertThatThrownBy(() -> open.requireHistoryReadableBy(Actor.nationalBody("DE"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> open.requireHistoryReadableBy(Actor.ANONYMOUS)).isInstanceOf(UnauthorizedException.class);

        open.closeIfDue(DEADLINE).ballot().requireHistoryReadableBy(Actor.ANONYMOUS);
    }
}
