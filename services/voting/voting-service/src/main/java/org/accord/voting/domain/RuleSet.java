package org.accord.voting.domain;

/**
 * Counting rules of a standards body: a pure function from a closed ballot's tally to a decision
 * that states every condition with its numbers. A ballot names its rule set; {@link RuleSets}
 * finds it by that name.
 */
public interface RuleSet {

    /** The name ballots use for this rule set, e.g. {@code ISO_ENQUIRY_APPROVAL}. */
    String name();

    Decision decide(Tally tally);

    /**
     * Whether the votes still to come cannot change the decision: every way in which the
     * {@code participatingToVote} P-members and {@code observingToVote} O-members who have not
     * voted yet might vote (or not vote at all) gives the outcome {@link #decide} gives now. A
     * ballot that allows early close closes when this holds; with nobody left to vote it always
     * holds. Each rule set states why the completions it tries are enough.
     */
    boolean outcomeSettled(Tally tally, int participatingToVote, int observingToVote);

    /** The decision if each member yet to vote votes {@code position} (with reasons for a disapproval). */
    static Outcome ifAllVote(RuleSet rules, Tally tally, int participating, int observing, Position position, boolean commit) {
        return rules.decide(tally.plus(Membership.P, position, true, participating, commit)
                .plus(Membership.O, position, true, observing, false)).outcome();
    }
}
