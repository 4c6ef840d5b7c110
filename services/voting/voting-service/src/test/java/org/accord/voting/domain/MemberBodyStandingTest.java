package org.accord.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.accord.actor.Actor;
import org.accord.problem.ForbiddenException;
import org.junit.jupiter.api.Test;

class MemberBodyStandingTest {

    static MemberBodyStanding member(String code) {
        return MemberBodyStanding.unknown(code).admitted("member", 1);
    }

    static MemberBodyStandings register(MemberBodyStanding... standings) {
        return MemberBodyStandings.of(List.of(standings));
    }

    static Transition vote(Ballot ballot, String memberBody, Position position, String reasons, MemberBodyStandings standings) {
        return ballot.cast(Actor.nationalBody(memberBody), memberBody, new VoteChoice(position, reasons, null, null),
                BallotTest.DURING, standings);
    }

    static void assertRefused(MemberBodyStanding standing, String rule) {
        assertThatThrownBy(standing::requireMayVote).isInstanceOfSatisfying(ForbiddenException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.properties()).containsEntry("rule", rule).containsEntry("memberBody", standing.code());
        });
    }

    @Test
    void shouldLetActiveMembersAndBodiesTheRegisterNeverAnnouncedVote() {
        assertThatCode(member("DE")::requireMayVote).doesNotThrowAnyException();
        assertThatCode(MemberBodyStanding.unknown("DE")::requireMayVote).doesNotThrowAnyException();
        assertThatCode(member("DE").suspended(2).reinstated(3)::requireMayVote).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseSuspendedResignedAndNonMemberBodiesNamingTheRule() {
        assertRefused(member("DE").suspended(2), "Member body suspended");
        assertRefused(member("DE").resigned(2), "Member body resigned");
        assertRefused(member("DE").suspended(2).resigned(3), "Member body resigned");
        assertRefused(member("DE").categoryChanged("correspondent", 2), "Only members vote");
        assertRefused(MemberBodyStanding.unknown("DE").admitted("subscriber", 1), "Only members vote");
    }

    @Test
    void shouldReplaceAStandingOnlyWithANewerRevision() {
        MemberBodyStanding reinstated = member("DE").suspended(2).reinstated(3);
        MemberBodyStanding lateSuspension = member("DE").suspended(2);
        assertThat(lateSuspension.isNewerThan(reinstated)).isFalse();
        assertThat(reinstated.isNewerThan(lateSuspension)).isTrue();
        assertThat(reinstated.isNewerThan(reinstated)).isFalse();
    }

    @Test
    void shouldRefuseAVoteOfASuspendedBodyAndKeepTheVoteItCastBefore() {
        Ballot ballot = vote(BallotTest.dis(), "DE", Position.APPROVE, null, register(member("DE"))).ballot();
        MemberBodyStandings suspended = register(member("DE").suspended(2));

        Ballot counted = ballot;
        assertThatThrownBy(() -> vote(counted, "DE", Position.DISAPPROVE, "Clause 4 is unsafe", suspended))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.properties())
                        .containsEntry("rule", "Member body suspended"));
        assertThat(ballot.voteOf("DE")).get().extracting(Vote::position).isEqualTo(Position.APPROVE);
        assertThat(ballot.tally().electorate()).isEqualTo(5);
        assertThat(vote(ballot, "FR", Position.APPROVE, null, suspended).ballot().votes()).hasSize(2);
    }

    @Test
    void shouldCloseEarlyWhenOnlyResignedMembersAreLeftToSinkTheOutcomeButWaitForSuspendedOnes() {
        Ballot ballot = Ballot.open(BallotTest.request("DIS", "ISO_ENQUIRY_APPROVAL", true, true), BallotTest.OPENED).ballot();
        for (String member : List.of("DE", "FR", "GB")) {
            ballot = vote(ballot, member, Position.APPROVE, null, MemberBodyStandings.NONE).ballot();
        }

        // SE disapproving would make 2 of 5 negative; a suspended SE may be reinstated before the deadline.
        Transition whileSuspended = vote(ballot, "IT", Position.DISAPPROVE, "Clause 4 is unsafe", register(member("SE").suspended(2)));
        assertThat(whileSuspended.ballot().closed()).isFalse();

        // A resignation is final: SE will not vote, so 1 of 4 negative approves whatever else happens.
        Transition afterResignation = vote(ballot, "IT", Position.DISAPPROVE, "Clause 4 is unsafe", register(member("SE").resigned(2)));
        assertThat(afterResignation.ballot().closed()).isTrue();
        assertThat(afterResignation.ballot().result().closedBecause()).isEqualTo(CloseReason.OUTCOME_SETTLED);
        assertThat(afterResignation.ballot().result().outcome()).isEqualTo(Outcome.APPROVED);
        // The resigned member stays in the electorate and in the tally, as not having voted.
        assertThat(afterResignation.ballot().result().tally().electorate()).isEqualTo(5);
        assertThat(afterResignation.ballot().result().tally().notVoted()).isEqualTo(1);
    }
}
