package org.accord.voting.domain;

import static org.accord.voting.domain.TallyBuilder.pMembers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IeeeSaTest {

    final RuleSet rules = new IeeeSa();

    @Test
    void shouldApproveWhenExactlySeventyFivePercentReturnAndExactlySeventyFivePercentApprove() {
        // Group of 20, 15 returned (75%); 9 of 12 approve (75%); 3 of 15 abstain (20%).
        Decision decision = rules.decide(pMembers(20).pApprove(9).pDisapprove(3).pAbstain(3).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.checks()).extracting(Condition::numbers)
                .containsExactly("15 of 20 (75.0%) >= 75%", "9 of 12 (75.0%) >= 75%", "3 of 15 (20.0%) < 30%");
    }

    @Test
    void shouldRejectWhenJustUnderSeventyFivePercentReturn() {
        Decision decision = rules.decide(pMembers(20).pApprove(12).pAbstain(2).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks()).extracting(Condition::met).containsExactly(false, true, true);
        assertThat(decision.explanation()).isEqualTo("Rejected: only 14 of 20 (70.0%) of the ballot group returned (75% needed).");
    }

    @Test
    void shouldRejectWhenJustUnderSeventyFivePercentApprove() {
        // 11 of 15 is 73.3%.
        Decision decision = rules.decide(pMembers(16).pApprove(11).pDisapprove(4).pAbstain(1).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks()).extracting(Condition::met).containsExactly(true, false, true);
    }

    @Test
    void shouldRejectWhenAbstentionsAreExactlyThirtyPercentOfReturnedBallots() {
        Decision decision = rules.decide(pMembers(10).pApprove(7).pAbstain(3).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks().get(2).numbers()).isEqualTo("3 of 10 (30.0%) >= 30%");
        assertThat(rules.decide(pMembers(10).pApprove(8).pAbstain(2).build()).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void shouldCountOMembersInTheBallotGroup() {
        Decision decision = rules.decide(pMembers(6).pApprove(6).oMembers(4).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("6 of 10 (60.0%) < 75%");
    }

    @Test
    void shouldRejectWhenEverybodyAbstains() {
        Decision decision = rules.decide(pMembers(8).pAbstain(8).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks()).extracting(Condition::met).containsExactly(true, false, false);
        assertThat(decision.explanation()).contains("no approvals or disapprovals were returned");
    }

    @Test
    void shouldRejectWhenNobodyVotes() {
        Decision decision = rules.decide(pMembers(8).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks()).extracting(Condition::met).containsExactly(false, false, false);
    }
}
