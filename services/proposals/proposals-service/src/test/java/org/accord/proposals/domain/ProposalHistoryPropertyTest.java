package org.accord.proposals.domain;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.accord.problem.ProblemException;
import org.accord.proposals.events.StageChanged;
import org.junit.jupiter.api.Test;

/**
 * Whatever steps are tried in whatever order, the proposal only moves along the rules, every
 * move is announced, and the audit trail holds every event that was caused.
 */
class ProposalHistoryPropertyTest {

    private static final Step[] STEPS = Step.values();

    @Test
    void shouldOnlyMoveAlongTheRulesAndRecordEveryEventInTheHistory() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, STEPS.length - 1)).ofSizeBetween(1, 40))
                .checkAssert(choices -> {
                    Proposal proposal = ProposalFixtures.submitted();
                    int events = proposal.history().size();
                    for (int choice : choices) {
                        Step step = STEPS[choice];
                        Optional<Change<Proposal>> change = attempt(proposal, step);
                        if (change.isEmpty()) {
                            continue;
                        }
                        Proposal next = change.get().state();
                        List<String> stages = new ArrayList<>(List.of(proposal.stage().code()));
                        change.get().events().stream().filter(StageChanged.class::isInstance).map(StageChanged.class::cast)
                                .forEach(moved -> {
                                    org.assertj.core.api.Assertions.assertThat(moved.from()).isEqualTo(stages.get(stages.size() - 1));
                                    stages.add(moved.to());
                                });
                        org.assertj.core.api.Assertions.assertThat(stages.get(stages.size() - 1)).isEqualTo(next.stage().code());
                        StageMachine.Transition rule = StageMachine.find(proposal.stage(), step).orElseThrow();
                        org.assertj.core.api.Assertions.assertThat(next.stage()).isEqualTo(rule.to());
                        events += change.get().events().size();
                        org.assertj.core.api.Assertions.assertThat(next.history()).hasSize(events);
                        org.assertj.core.api.Assertions.assertThat(next.versions()).extracting(DraftVersion::number)
                                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, next.versions().size()).boxed().toList());
                        proposal = next;
                    }
                });
    }

    private static Optional<Change<Proposal>> attempt(Proposal proposal, Step step) {
        if (!step.isAction()) {
            return ProposalFixtures.react(proposal, step);
        }
        try {
            return Optional.of(ProposalFixtures.perform(proposal, step));
        } catch (ProblemException refused) {
            org.assertj.core.api.Assertions.assertThat(refused.status()).isIn(404, 409);
            return Optional.empty();
        }
    }
}
