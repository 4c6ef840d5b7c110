package org.accord.voting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * ISO new-work-item (NP) ballots: approved iff the P-members approving outnumber the P-members
 * disapproving, AND enough P-members commit to participate in the work: 4, or 5 where the
 * committee has more than 16 P-members. Abstentions are not counted.
 */
public final class IsoNewWorkItem implements RuleSet {

    public static final String NAME = "ISO_NEW_WORK_ITEM";
    static final int LARGE_COMMITTEE_ABOVE = 16;

    @Override
    public String name() {
        return NAME;
    }

    /** Committed P-members needed for a committee of this many P-members. */
    public static int commitmentsNeeded(int participatingMembers) {
        return participatingMembers > LARGE_COMMITTEE_ABOVE ? 5 : 4;
    }

    @Override
    public Decision decide(Tally tally) {
        int approve = tally.participatingApprove();
        int disapprove = tally.participatingDisapprove();
        boolean majority = approve > disapprove;
        int needed = commitmentsNeeded(tally.eligibleParticipating());
        boolean committed = tally.commitmentsToParticipate() >= needed;

        Condition first = new Condition("P-member approvals > P-member disapprovals", majority,
                approve + disapprove == 0 ? "no P-member approved or disapproved"
                        : approve + (majority ? " > " : " <= ") + disapprove);
        Condition second = new Condition("at least " + needed + " P-members commit to participate", committed,
                tally.commitmentsToParticipate() + " committed, " + needed + " needed with "
                        + tally.eligibleParticipating() + " P-members (5 where more than " + LARGE_COMMITTEE_ABOVE + ")");

        String explanation;
        if (majority && committed) {
            explanation = "Approved: " + approve + " P-members approve against " + disapprove + " disapproving, and "
                    + tally.commitmentsToParticipate() + " P-members commit to participate (at least " + needed + ").";
        } else {
            List<String> failed = new ArrayList<>();
            if (!majority) {
                failed.add(approve + disapprove == 0 ? "no P-member approved or disapproved"
                        : "only " + approve + " P-members approve against " + disapprove + " disapproving");
            }
            if (!committed) {
                failed.add("only " + tally.commitmentsToParticipate() + " P-members commit to participate (" + needed
                        + " needed)");
            }
            explanation = "Rejected: " + String.join(" and ", failed) + ".";
        }
        return new Decision(majority && committed ? Outcome.APPROVED : Outcome.REJECTED, List.of(first, second), explanation);
    }

    /**
     * Settled when the P-members still to vote all approving and committing, and all disapproving
     * without committing, give the same outcome: both conditions only gain from an approval and
     * a commitment and only lose from a disapproval, so every other completion lies between.
     * O-members do not count on a new work item (ISO/IEC Directives Part 1, 2.3.5), so only
     * P-members are waited for.
     */
    @Override
    public boolean outcomeSettled(Tally tally, int participatingToVote, int observingToVote) {
        return RuleSet.ifAllVote(this, tally, participatingToVote, 0, Position.APPROVE, true)
                == RuleSet.ifAllVote(this, tally, participatingToVote, 0, Position.DISAPPROVE, false);
    }
}
