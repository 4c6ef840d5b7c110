package org.accord.voting.domain;

import static org.accord.voting.domain.TallyBuilder.pMembers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimpleMajorityTest {

    final RuleSet rules = new SimpleMajority();

    @Test
    void shouldApproveWithOneMoreApprovalThanDisapprovals() {
        Decision decision = rules.decide(pMembers(9).pApprove(4).pDisapprove(3).oMembers(2).oApprove(1).oDisapprove(1).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("5 > 4");
    }

    @Test
    void shouldRejectATie() {
        Decision decision = rules.decide(pMembers(6).pApprove(3).pDisapprove(3).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks().get(0).numbers()).isEqualTo("3 <= 3");
    }

    @Test
    void shouldExcludeAbstentions() {
        Decision decision = rules.decide(pMembers(12).pApprove(1).pAbstain(11).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.explanation()).isEqualTo("Approved: 1 approve against 0 disapproving (11 abstentions excluded).");
    }

    @Test
    void shouldRejectWhenEverybodyAbstains() {
        Decision decision = rules.decide(pMembers(5).pAbstain(5).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.explanation()).isEqualTo("Rejected: no approvals or disapprovals were cast (5 abstentions excluded).");
    }

    @Test
    void shouldRejectWhenNobodyVotes() {
        assertThat(rules.decide(pMembers(5).build()).outcome()).isEqualTo(Outcome.REJECTED);
    }
}
