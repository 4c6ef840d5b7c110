package org.accord.proposals.domain;

import static org.accord.proposals.domain.ProposalFixtures.at;
import static org.accord.proposals.domain.ProposalFixtures.perform;
import static org.accord.proposals.domain.ProposalFixtures.react;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.accord.problem.ConflictException;
import org.accord.proposals.events.StageChanged;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The workflow as a table: every legal move with the stages it passes. Every stage is tried with
 * every action and every reaction; what the table lists must succeed and land where it says,
 * everything else must be a 409 naming the current stage and the allowed actions (or, for a
 * reaction, change nothing).
 */
class StageMachineTest {

    /** from | step | stages passed ("-" = stays). */
    static final String WORKFLOW = """
            10.00 | revise-draft          | -
            10.00 | open-comment-period   | 30.20
            10.00 | request-np-ballot     | 10.20
            10.00 | request-dis-ballot    | 40.20
            10.00 | withdraw              | 10.98
            10.20 | ballot-approved       | 10.60 10.99
            10.20 | ballot-rejected       | 10.60 10.92
            10.20 | withdraw              | 10.98
            10.92 | revise-draft          | -
            10.92 | request-np-ballot     | 10.20
            10.92 | withdraw              | 10.98
            10.99 | revise-draft          | -
            10.99 | open-comment-period   | 30.20
            10.99 | request-dis-ballot    | 40.20
            10.99 | withdraw              | 10.98
            30.20 | close-comment-period  | -
            30.20 | comment-period-closed | 30.60
            30.20 | withdraw              | 30.98
            30.60 | revise-draft          | -
            30.60 | open-comment-period   | 30.20
            30.60 | request-dis-ballot    | 40.20
            30.60 | withdraw              | 30.98
            40.20 | ballot-approved       | 40.60 40.99
            40.20 | ballot-rejected       | 40.60 40.92
            40.20 | withdraw              | 40.98
            40.93 | ballot-approved       | 40.60 40.99
            40.93 | ballot-rejected       | 40.60 40.92
            40.93 | withdraw              | 40.98
            40.92 | revise-draft          | -
            40.92 | request-dis-ballot    | 40.93
            40.92 | withdraw              | 40.98
            40.99 | revise-draft          | -
            40.99 | request-fdis-ballot   | 50.20
            40.99 | skip-final-ballot     | 60.00
            40.99 | withdraw              | 40.98
            50.20 | ballot-approved       | 50.60 50.99 60.00
            50.20 | ballot-rejected       | 50.60 50.92
            50.20 | withdraw              | 50.98
            50.92 | revise-draft          | -
            50.92 | request-fdis-ballot   | 50.20
            50.92 | withdraw              | 50.98
            60.00 | standard-published    | 60.60
            """;

    record Move(String from, String step, List<String> path) {
        String to() {
            return path.isEmpty() ? from : path.get(path.size() - 1);
        }
    }

    static final Map<String, Move> MOVES = parse();

    private static Map<String, Move> parse() {
        Map<String, Move> moves = new LinkedHashMap<>();
        WORKFLOW.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.split("\\|");
            String path = cells[2].strip();
            Move move = new Move(cells[0].strip(), cells[1].strip(),
                    path.equals("-") ? List.of() : Arrays.asList(path.split("\\s+")));
            moves.put(move.from() + " " + move.step(), move);
        });
        return moves;
    }

    static Optional<Move> expected(Stage stage, Step step) {
        return Optional.ofNullable(MOVES.get(stage.code() + " " + step.actionName()));
    }

    static List<String> expectedAllowedActions(Stage stage) {
        return Arrays.stream(Step.values()).filter(Step::isAction).filter(step -> expected(stage, step).isPresent())
                .map(Step::actionName).toList();
    }

    static Stream<Arguments> everyStageAndAction() {
        return Arrays.stream(Stage.values()).flatMap(stage -> Arrays.stream(Step.values()).filter(Step::isAction)
                .map(step -> Arguments.of(stage, step)));
    }

    static Stream<Arguments> everyStageAndReaction() {
        return Arrays.stream(Stage.values()).flatMap(stage -> Arrays.stream(Step.values()).filter(step -> !step.isAction())
                .map(step -> Arguments.of(stage, step)));
    }

    @Test
    void shouldListExactlyTheRulesOfTheWorkflowTable() {
        List<Move> rules = new ArrayList<>();
        StageMachine.rules().forEach(rule -> rules.add(new Move(rule.from().code(), rule.step().actionName(),
                rule.path().stream().map(Stage::code).toList())));
        assertThat(rules).containsExactlyInAnyOrderElementsOf(MOVES.values());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyStageAndAction")
    void shouldMoveAsTheTableSaysOrRefuseWithTheCurrentStageAndTheAllowedActions(Stage stage, Step step) {
        Proposal proposal = at(stage);
        Optional<Move> move = expected(stage, step);
        assertThat(proposal.allowedActions()).isEqualTo(expectedAllowedActions(stage));
        if (move.isPresent()) {
            Change<Proposal> change = perform(proposal, step);
            assertThat(change.state().stage().code()).isEqualTo(move.get().to());
            assertThat(stagesPassed(change)).isEqualTo(move.get().path());
            assertThat(change.state().history()).hasSize(proposal.history().size() + change.events().size());
        } else {
            assertThatThrownBy(() -> perform(proposal, step)).isInstanceOfSatisfying(ConflictException.class, conflict -> {
                assertThat(conflict.status()).isEqualTo(409);
                assertThat(conflict.detail()).contains(step.actionName()).contains(stage.code());
                // The README: the secretariat withdraws, the editor does every other action; a 409 names what this
                // caller (the secretariat for withdraw, the editor otherwise) may ask for now.
                List<String> forThisCaller = expectedAllowedActions(stage).stream()
                        .filter(action -> action.equals("withdraw") == (step == Step.WITHDRAW)).toList();
                assertThat(conflict.properties()).containsEntry("currentStage", stage.code())
                        .containsEntry("allowedActions", forThisCaller);
            });
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyStageAndReaction")
    void shouldReactAsTheTableSaysOrChangeNothing(Stage stage, Step step) {
        Proposal proposal = at(stage);
        Optional<Change<Proposal>> change = react(proposal, step);
        Optional<Move> move = expected(stage, step);
        if (move.isPresent()) {
            assertThat(change).isPresent();
            assertThat(change.get().state().stage().code()).isEqualTo(move.get().to());
            assertThat(stagesPassed(change.get())).isEqualTo(move.get().path());
        } else {
            assertThat(change).isEmpty();
        }
    }

    @Test
    void shouldReachEveryStageFromRegistration() {
        List<Stage> reached = new ArrayList<>(List.of(Stage.REGISTERED));
        for (int i = 0; i < reached.size(); i++) {
            Stage from = reached.get(i);
            StageMachine.rules().stream().filter(rule -> rule.from() == from)
                    .flatMap(rule -> rule.path().stream())
                    .filter(stage -> !reached.contains(stage))
                    .forEach(reached::add);
        }
        assertThat(reached).containsExactlyInAnyOrder(Stage.values());
    }

    private static List<String> stagesPassed(Change<Proposal> change) {
        List<String> path = new ArrayList<>();
        String from = null;
        for (Object event : change.events()) {
            if (event instanceof StageChanged moved) {
                if (from != null) {
                    assertThat(moved.from()).as("each StageChanged starts where the last one ended").isEqualTo(from);
                }
                path.add(moved.to());
                from = moved.to();
            }
        }
        return path;
    }
}
