package org.accord.proposals.domain;

/** The ballots this service requests: new work item (10.20), enquiry (40.20/40.93), final approval (50.20). */
public enum BallotType {
    NP, DIS, FDIS;

    /** The rule set used when the editor names none, in a committee following the ISO procedure. */
    public RuleSet defaultRuleSet() {
        return Procedure.ISO.defaultRuleSet(this);
    }

    /** Enquiry and approval ballots are open to every member; a new work item ballot only to P-members. */
    public boolean observersMayVote() {
        return this != NP;
    }
}
