package org.accord.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.accord.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class RuleSetsTest {

    @Test
    void shouldFindEveryRuleSetByTheNameABallotGives() {
        assertThat(RuleSets.names()).containsExactly("ISO_ENQUIRY_APPROVAL", "ISO_NEW_WORK_ITEM", "IEEE_SA", "SIMPLE_MAJORITY");
        assertThat(RuleSets.names()).allSatisfy(name -> assertThat(RuleSets.named(name).name()).isEqualTo(name));
    }

    @Test
    void shouldRefuseAnUnknownRuleSetNamingTheField() {
        assertThatThrownBy(() -> RuleSets.named("ANSI_CANVASS"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("ruleSet");
                    assertThat(e.errors().get(0).message()).contains("ANSI_CANVASS").contains("IEEE_SA");
                });
    }
}
