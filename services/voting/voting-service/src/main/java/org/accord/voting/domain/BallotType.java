package org.accord.voting.domain;

/**
 * The kinds of ballot a proposal goes through. O-members vote only on the enquiry (DIS) and
 * approval (FDIS) ballots, and only where the ballot is opened to them; the other ballots are
 * the P-members' obligation alone.
 */
public enum BallotType {
    /** New work item proposal (stage 10.20). */
    NP(false),
    /** Draft International Standard: the enquiry (stage 40.20). */
    DIS(true),
    /** Final Draft International Standard: the approval (stage 50.20). */
    FDIS(true),
    /** Systematic review: confirm, revise or withdraw (stage 90.20). */
    SR(false),
    /** Withdrawal of a published standard (stage 95.20). */
    WITHDRAWAL(false);

    private final boolean admitsObservers;

    BallotType(boolean admitsObservers) {
        this.admitsObservers = admitsObservers;
    }

    public boolean admitsObservers() {
        return admitsObservers;
    }
}
