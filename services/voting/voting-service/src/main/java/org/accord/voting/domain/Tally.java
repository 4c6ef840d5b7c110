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

    /**
     * This tally with {@code count} more votes of one kind from members who have not voted yet: what
     * the count would be if they all voted that way. {@code commit} adds as many commitments to
     * participate (P-members only). Used to ask whether votes still to come could change a decision.
     */
    public Tally plus(Membership membership, Position position, boolean withReasons, int count, boolean commit) {
        if (count == 0) {
            return this;
        }
        if (count < 0 || count > notVoted) {
            throw new IllegalArgumentException(count + " more votes where " + notVoted + " have not voted");
        }
        boolean p = membership == Membership.P;
        int pA = participatingApprove, pD = participatingDisapprove, pAb = participatingAbstain;
        int oA = observingApprove, oD = observingDisapprove, oAb = observingAbstain, without = disapprovalsWithoutReasons;
        if (position.approves()) {
            if (p) pA += count; else oA += count;
        } else if (position == Position.ABSTAIN) {
            if (p) pAb += count; else oAb += count;
        } else if (!withReasons) {
            without += count;
        } else {
            if (p) pD += count; else oD += count;
        }
        int commitments = commitmentsToParticipate + (p && commit ? count : 0);
        return new Tally(eligibleParticipating, eligibleObserving, pA, pD, pAb, oA, oD, oAb, without, notVoted - count,
                commitments);
    }

    /** Every vote returned, whatever it says. */
    public int returned() {
        return electorate() - notVoted;
    }
}
