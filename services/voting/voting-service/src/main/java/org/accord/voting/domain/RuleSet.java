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
}
