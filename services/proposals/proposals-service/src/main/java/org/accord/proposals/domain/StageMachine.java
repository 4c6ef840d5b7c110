package org.accord.proposals.domain;

import static org.accord.proposals.domain.Stage.*;
import static org.accord.proposals.domain.Step.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every move a proposal may make, one explicit rule each: from a stage, on a step, through the
 * stages it passes (a closing ballot passes the "close of voting" substage on its way to the
 * outcome). What is not listed here is refused. Conditions that depend on more than the stage
 * (a revision before a repeated ballot, no disapproval before skipping the final ballot) are
 * checked by {@link Proposal}.
 */
public final class StageMachine {

    /** One rule; {@code path} is empty when the step leaves the stage as it is. */
    public record Transition(Stage from, Step step, List<Stage> path) {
        public Transition {
            path = List.copyOf(path);
        }

        public Stage to() {
            return path.isEmpty() ? from : path.get(path.size() - 1);
        }
    }

    private static final List<Transition> RULES = List.of(
            // 10 Proposal
            rule(REGISTERED, REVISE_DRAFT),
            rule(REGISTERED, OPEN_COMMENT_PERIOD, CD_CONSULTATION),
            rule(REGISTERED, REQUEST_NP_BALLOT, NP_BALLOT),
            rule(REGISTERED, REQUEST_DIS_BALLOT, DIS_BALLOT),
            rule(REGISTERED, WITHDRAW, NP_DELETED),
            rule(NP_BALLOT, BALLOT_APPROVED, NP_VOTING_CLOSED, NP_APPROVED),
            rule(NP_BALLOT, BALLOT_REJECTED, NP_VOTING_CLOSED, NP_RETURNED),
            rule(NP_BALLOT, WITHDRAW, NP_DELETED),
            rule(NP_RETURNED, REVISE_DRAFT),
            rule(NP_RETURNED, REQUEST_NP_BALLOT, NP_BALLOT),
            rule(NP_RETURNED, WITHDRAW, NP_DELETED),
            rule(NP_APPROVED, REVISE_DRAFT),
            rule(NP_APPROVED, OPEN_COMMENT_PERIOD, CD_CONSULTATION),
            rule(NP_APPROVED, REQUEST_DIS_BALLOT, DIS_BALLOT),
            rule(NP_APPROVED, WITHDRAW, NP_DELETED),
            // 30 Committee
            rule(CD_CONSULTATION, CLOSE_COMMENT_PERIOD),
            rule(CD_CONSULTATION, COMMENT_PERIOD_CLOSED, CD_CLOSED),
            rule(CD_CONSULTATION, WITHDRAW, CD_DELETED),
            rule(CD_CLOSED, REVISE_DRAFT),
            rule(CD_CLOSED, OPEN_COMMENT_PERIOD, CD_CONSULTATION),
            rule(CD_CLOSED, REQUEST_DIS_BALLOT, DIS_BALLOT),
            rule(CD_CLOSED, WITHDRAW, CD_DELETED),
            // 40 Enquiry
            rule(DIS_BALLOT, BALLOT_APPROVED, DIS_VOTING_CLOSED, DIS_APPROVED),
            rule(DIS_BALLOT, BALLOT_REJECTED, DIS_VOTING_CLOSED, DIS_REFERRED_BACK),
            rule(DIS_BALLOT, WITHDRAW, DIS_DELETED),
            rule(DIS_NEW_BALLOT, BALLOT_APPROVED, DIS_VOTING_CLOSED, DIS_APPROVED),
            rule(DIS_NEW_BALLOT, BALLOT_REJECTED, DIS_VOTING_CLOSED, DIS_REFERRED_BACK),
            rule(DIS_NEW_BALLOT, WITHDRAW, DIS_DELETED),
            rule(DIS_REFERRED_BACK, REVISE_DRAFT),
            rule(DIS_REFERRED_BACK, REQUEST_DIS_BALLOT, DIS_NEW_BALLOT),
            rule(DIS_REFERRED_BACK, WITHDRAW, DIS_DELETED),
            rule(DIS_APPROVED, REVISE_DRAFT),
            rule(DIS_APPROVED, REQUEST_FDIS_BALLOT, FDIS_BALLOT),
            rule(DIS_APPROVED, SKIP_FINAL_BALLOT, UNDER_PUBLICATION),
            rule(DIS_APPROVED, WITHDRAW, DIS_DELETED),
            // 50 Approval
            rule(FDIS_BALLOT, BALLOT_APPROVED, FDIS_VOTING_CLOSED, FDIS_APPROVED, UNDER_PUBLICATION),
            rule(FDIS_BALLOT, BALLOT_REJECTED, FDIS_VOTING_CLOSED, FDIS_REFERRED_BACK),
            rule(FDIS_BALLOT, WITHDRAW, FDIS_DELETED),
            rule(FDIS_REFERRED_BACK, REVISE_DRAFT),
            rule(FDIS_REFERRED_BACK, REQUEST_FDIS_BALLOT, FDIS_BALLOT),
            rule(FDIS_REFERRED_BACK, WITHDRAW, FDIS_DELETED),
            // 60 Publication
            rule(UNDER_PUBLICATION, STANDARD_PUBLISHED, PUBLISHED));

    private StageMachine() {
    }

    private static Transition rule(Stage from, Step step, Stage... path) {
        return new Transition(from, step, List.of(path));
    }

    public static List<Transition> rules() {
        return RULES;
    }

    public static Optional<Transition> find(Stage from, Step step) {
        return RULES.stream().filter(t -> t.from() == from && t.step() == step).findFirst();
    }

    /** The steps the rules allow from a stage, in the order of {@link Step}. */
    public static Set<Step> stepsFrom(Stage from) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        RULES.stream().filter(t -> t.from() == from).forEach(t -> steps.add(t.step()));
        return Collections.unmodifiableSet(steps);
    }

    /** Stages in which a ballot of this service is running. */
    public static List<Stage> ballotStages() {
        List<Stage> stages = new ArrayList<>();
        RULES.stream().filter(t -> t.step() == BALLOT_APPROVED).forEach(t -> stages.add(t.from()));
        return stages;
    }
}
