package org.accord.voting.domain;

import static org.accord.voting.domain.TallyBuilder.pMembers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsoEnquiryApprovalTest {

    final RuleSet rules = new IsoEnquiryApproval();

    @Test
    void shouldApproveWhenPMemberApprovalsAreExactlyTwoThirds() {
        Decision decision = rules.decide(pMembers(15).pApprove(10).pDisapprove(5).oMembers(15).oApprove(15).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.checks().get(0).met()).isTrue();
        assertThat(decision.checks().get(0).numbers()).isEqualTo("10 of 15 (66.7%) >= 2/3");
    }

    @Test
    void shouldRejectWhenPMemberApprovalsAreJustBelowTwoThirds() {
        // 9 of 14 is 64.3%; 19 of 29 is 65.5%: both are below 2/3 however they are rounded.
        assertThat(rules.decide(pMembers(15).pApprove(9).pDisapprove(5).build()).outcome()).isEqualTo(Outcome.REJECTED);
        Decision decision = rules.decide(pMembers(30).pApprove(19).pDisapprove(10).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("19 of 29 (65.5%) < 2/3");
        assertThat(decision.explanation()).startsWith("Rejected: only 19 of 29 (65.5%) P-member votes approve (less than 2/3)");
    }

    @Test
    void shouldApproveWhenDisapprovalsAreExactlyOneQuarterOfAllVotes() {
        // P: 10 approve, 5 disapprove (exactly 2/3); O: 5 approve. All: 5 of 20 disapprove, exactly 1/4.
        Decision decision = rules.decide(pMembers(15).pApprove(10).pDisapprove(5).oMembers(5).oApprove(5).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.checks().get(1).met()).isTrue();
        assertThat(decision.checks().get(1).numbers()).isEqualTo("5 of 20 (25.0%) <= 1/4");
        assertThat(decision.explanation()).isEqualTo("Approved: 10 of 15 (66.7%) P-member votes approve (at least 2/3)"
                + " and 5 of 20 (25.0%) votes disapprove (at most 1/4).");
    }

    @Test
    void shouldRejectWhenOneQuarterIsExceededThoughTwoThirdsOfPMembersApprove() {
        // P: exactly 2/3 approve; an O-member disapproval makes it 6 of 21 > 1/4.
        Decision decision = rules.decide(pMembers(15).pApprove(10).pDisapprove(5).oMembers(6).oApprove(5).oDisapprove(1).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks()).extracting(Condition::met).containsExactly(true, false);
        assertThat(decision.checks().get(1).numbers()).isEqualTo("6 of 21 (28.6%) > 1/4");
        assertThat(decision.explanation()).isEqualTo("Rejected: 6 of 21 (28.6%) votes disapprove (more than 1/4).");
    }

    @Test
    void shouldRequireBothConditionsAndNameEveryOneThatFailed() {
        Decision decision = rules.decide(pMembers(10).pApprove(5).pDisapprove(5).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks()).extracting(Condition::met).containsExactly(false, false);
        assertThat(decision.explanation()).contains("less than 2/3").contains("more than 1/4");
    }

    @Test
    void shouldNotCountAbstentionsOrDisapprovalsWithoutReasons() {
        Decision decision = rules.decide(pMembers(20).pApprove(2).pAbstain(10).disapprovalsWithoutReasons(5).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("2 of 2 (100.0%) >= 2/3");
        assertThat(decision.checks().get(1).numbers()).isEqualTo("0 of 2 (0.0%) <= 1/4");
        assertThat(decision.explanation()).endsWith("Not counted: 10 abstentions, 5 disapprovals without reasons.");
    }

    @Test
    void shouldRejectWhenEverybodyAbstainsAndSayThatNoPMemberVoteCounted() {
        Decision decision = rules.decide(pMembers(16).pAbstain(16).oMembers(3).oAbstain(3).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("no P-member approved or disapproved");
        assertThat(decision.explanation()).startsWith("Rejected: no P-member approved or disapproved (16 P-member abstentions)");
    }

    @Test
    void shouldRejectWhenNobodyVotes() {
        Decision decision = rules.decide(pMembers(16).oMembers(13).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.explanation()).contains("so the 2/3 condition cannot be met");
    }

    @Test
    void shouldRejectWhenOnlyOMembersApprove() {
        Decision decision = rules.decide(pMembers(5).oMembers(5).oApprove(5).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks().get(0).met()).isFalse();
    }

    @Test
    void shouldCountApprovalWithCommentsAsApproval() {
        Tally tally = Tally.of(4, 0, java.util.List.of(
                Votes.p("DE", Position.APPROVE_WITH_COMMENTS), Votes.p("FR", Position.APPROVE_WITH_COMMENTS),
                Votes.p("JP", Position.APPROVE_WITH_COMMENTS), Votes.p("GB", Position.DISAPPROVE, "Clause 4 is ambiguous")));

        assertThat(tally.participatingApprove()).isEqualTo(3);
        assertThat(rules.decide(tally).outcome()).isEqualTo(Outcome.APPROVED);
    }
}
