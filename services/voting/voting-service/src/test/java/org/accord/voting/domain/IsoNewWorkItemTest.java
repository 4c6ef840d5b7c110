package org.accord.voting.domain;

import static org.accord.voting.domain.TallyBuilder.pMembers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsoNewWorkItemTest {

    final RuleSet rules = new IsoNewWorkItem();

    @Test
    void shouldApproveWithAMajorityOfPMembersAndFourCommitmentsInACommitteeOfSixteen() {
        Decision decision = rules.decide(pMembers(16).pApprove(6).pDisapprove(2).commitments(4).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.checks().get(1).condition()).isEqualTo("at least 4 P-members commit to participate");
        assertThat(decision.checks().get(1).numbers()).isEqualTo("4 committed, 4 needed with 16 P-members (5 where more than 16)");
    }

    @Test
    void shouldNeedFiveCommitmentsInACommitteeOfSeventeen() {
        Tally four = pMembers(17).pApprove(6).pDisapprove(2).commitments(4).build();
        Tally five = pMembers(17).pApprove(6).pDisapprove(2).commitments(5).build();

        Decision rejected = rules.decide(four);
        assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(rejected.checks()).extracting(Condition::met).containsExactly(true, false);
        assertThat(rejected.explanation()).isEqualTo("Rejected: only 4 P-members commit to participate (5 needed).");
        assertThat(rules.decide(five).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void shouldRejectATieBetweenApprovalsAndDisapprovals() {
        Decision decision = rules.decide(pMembers(10).pApprove(3).pDisapprove(3).commitments(4).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("3 <= 3");
    }

    @Test
    void shouldNotCountAbstentionsOrOMembers() {
        Decision decision = rules.decide(pMembers(10).pApprove(1).pAbstain(8).oMembers(4).oDisapprove(4).commitments(4).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("1 > 0");
    }

    @Test
    void shouldRejectWhenEverybodyAbstains() {
        Decision decision = rules.decide(pMembers(10).pAbstain(10).commitments(4).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.explanation()).isEqualTo("Rejected: no P-member approved or disapproved.");
    }

    @Test
    void shouldRejectWhenNobodyVotesAndNameBothFailures() {
        Decision decision = rules.decide(pMembers(10).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.explanation()).isEqualTo("Rejected: no P-member approved or disapproved and only 0 P-members"
                + " commit to participate (4 needed).");
    }

    @Test
    void shouldCountCommitmentsOfPMembersOnlyFromTheirVotes() {
        java.util.List<Vote> votes = java.util.List.of(
                Votes.vote("DE", Membership.P, Position.APPROVE, null, true),
                Votes.vote("FR", Membership.P, Position.APPROVE, null, false),
                Votes.vote("JP", Membership.P, Position.ABSTAIN, null, true),
                Votes.vote("IT", Membership.O, Position.APPROVE, null, true));

        assertThat(Tally.of(4, 1, votes).commitmentsToParticipate()).isEqualTo(2);
    }
}
