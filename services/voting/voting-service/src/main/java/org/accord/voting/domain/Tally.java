package org.accord.voting.domain;

import java.util.Collection;

/**
 * The counted votes of a ballot, split by P- and O-members of its electorate. Disapprovals
 * without reasons are counted apart (not in the disapproval counts); abstentions have their own
 * counts. Every eligible member body is in exactly one count, so the counts (with
 * {@code notVoted}) add up to the electorate. {@code commitmentsToParticipate} counts the
 * P-members that committed to take part in the work (new-work-item ballots).
 */
public record Tally(int eligibleParticipating, int eligibleObserving,
                    int participatingApprove, int participatingDisapprove, int participatingAbstain,
                    int observingApprove, int observingDisapprove, int observingAbstain,
                    int disapprovalsWithoutReasons, int notVoted, int commitmentsToParticipate) {

    public Tally {
        int counted = participatingApprove + participatingDisapprove + participatingAbstain + observingApprove
                + observingDisapprove + observingAbstain + disapprovalsWithoutReasons + notVoted;
        if (counted != eligibleParticipating + eligibleObserving) {
            throw new IllegalArgumentException("A tally's counts (" + counted + ") must add up to the electorate ("
                    + (eligibleParticipating + eligibleObserving) + ")");
        }
        if (commitmentsToParticipate > eligibleParticipating) {
            throw new IllegalArgumentException("More commitments than P-members");
        }
    }

    /** Counts the current votes of an electorate; members without a vote count as not voted. */
    public static Tally of(int eligibleParticipating, int eligibleObserving, Collection<Vote> votes) {
        int pApprove = 0, pDisapprove = 0, pAbstain = 0, oApprove = 0, oDisapprove = 0, oAbstain = 0;
        int withoutReasons = 0, commitments = 0;
        for (Vote vote : votes) {
            boolean p = vote.membership() == Membership.P;
            if (vote.position().approves()) {
                if (p) pApprove++; else oApprove++;
            } else if (vote.position() == Position.ABSTAIN) {
                if (p) pAbstain++; else oAbstain++;
            } else if (!vote.hasReasons()) {
                withoutReasons++;
            } else {
                if (p) pDisapprove++; else oDisapprove++;
            }
            if (p && Boolean.TRUE.equals(vote.commitsToParticipate())) {
                commitments++;
            }
        }
        int notVoted = eligibleParticipating + eligibleObserving - votes.size();
        return new Tally(eligibleParticipating, eligibleObserving, pApprove, pDisapprove, pAbstain,
                oApprove, oDisapprove, oAbstain, withoutReasons, notVoted, commitments);
    }

    public int electorate() {
        return eligibleParticipating + eligibleObserving;
    }

    public int approvals() {
        return participatingApprove + observingApprove;
    }

    /** Disapprovals with reasons, from P- and O-members. */
    public int disapprovals() {
        return participatingDisapprove + observingDisapprove;
    }

    public int abstentions() {
        return participatingAbstain + observingAbstain;
    }

    /** Every vote returned, whatever it says. */
    public int returned() {
        return electorate() - notVoted;
    }
}
