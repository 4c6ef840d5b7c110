package org.accord.voting.events;

/**
 * The counted votes of a closed ballot, split by P- and O-members. Disapprovals without
 * reasons are counted apart and, like abstentions, not in the ISO ratios.
 */
public record Tally(int eligibleParticipating, int eligibleObserving,
                    int participatingApprove, int participatingDisapprove, int participatingAbstain,
                    int observingApprove, int observingDisapprove, int observingAbstain,
                    int disapprovalsWithoutReasons, int notVoted, int commitmentsToParticipate) {

    public int approvals() {
        return participatingApprove + observingApprove;
    }

    public int disapprovals() {
        return participatingDisapprove + observingDisapprove;
    }

    public int abstentions() {
        return participatingAbstain + observingAbstain;
    }
}
