package org.accord.voting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * ISO enquiry (DIS) and approval (FDIS) ballots: approved iff the P-members' approvals are at
 * least 2/3 of the P-members' approvals and disapprovals, AND all disapprovals are at most 1/4
 * of all approvals and disapprovals. Abstentions and disapprovals without technical reasons are
 * not counted in either ratio.
 */
public final class IsoEnquiryApproval implements RuleSet {

    public static final String NAME = "ISO_ENQUIRY_APPROVAL";
    static final String TWO_THIRDS = "P-member approvals >= 2/3 of P-member approvals and disapprovals";
    static final String ONE_QUARTER = "disapprovals <= 1/4 of all approvals and disapprovals";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(Tally tally) {
        Proportion participating = new Proportion(tally.participatingApprove(),
                tally.participatingApprove() + tally.participatingDisapprove());
        Proportion disapproving = new Proportion(tally.disapprovals(), tally.approvals() + tally.disapprovals());

        boolean twoThirds = !participating.empty() && participating.atLeast(2, 3);
        boolean oneQuarter = disapproving.atMost(1, 4);
        Condition first = new Condition(TWO_THIRDS, twoThirds, participating.empty()
                ? "no P-member approved or disapproved"
                : participating + (twoThirds ? " >= 2/3" : " < 2/3"));
        Condition second = new Condition(ONE_QUARTER, oneQuarter, disapproving + (oneQuarter ? " <= 1/4" : " > 1/4"));

        String explanation;
        if (twoThirds && oneQuarter) {
            explanation = "Approved: " + participating + " P-member votes approve (at least 2/3) and "
                    + disapproving + " votes disapprove (at most 1/4).";
        } else if (participating.empty()) {
            explanation = "Rejected: no P-member approved or disapproved (" + tally.participatingAbstain()
                    + " P-member abstentions), so the 2/3 condition cannot be met.";
        } else {
            List<String> failed = new ArrayList<>();
            if (!twoThirds) {
                failed.add("only " + participating + " P-member votes approve (less than 2/3)");
            }
            if (!oneQuarter) {
                failed.add(disapproving + " votes disapprove (more than 1/4)");
            }
            explanation = "Rejected: " + String.join(" and ", failed) + ".";
        }
        return new Decision(twoThirds && oneQuarter ? Outcome.APPROVED : Outcome.REJECTED, List.of(first, second),
                explanation + notCounted(tally));
    }

    /**
     * Settled when the votes still to come all approving and all disapproving (with reasons) give
     * the same outcome: an approval only raises both ratios' chances (more P-member approvals,
     * a smaller share of disapprovals), a disapproval only lowers them, and an abstention, a
     * disapproval without reasons or no vote at all counts in neither, so every other way of
     * completing the ballot lies between those two. O-members still to vote count here: their
     * disapprovals weigh in the 1/4 condition. ISO/IEC Directives Part 1 (2.6.3, 2.7.3) know no
     * early termination of an enquiry or approval ballot; closing early changes nothing only
     * because no vote to come can change the result.
     */
    @Override
    public boolean outcomeSettled(Tally tally, int participatingToVote, int observingToVote) {
        return RuleSet.ifAllVote(this, tally, participatingToVote, observingToVote, Position.APPROVE, false)
                == RuleSet.ifAllVote(this, tally, participatingToVote, observingToVote, Position.DISAPPROVE, false);
    }

    private static String notCounted(Tally tally) {
        if (tally.abstentions() == 0 && tally.disapprovalsWithoutReasons() == 0) {
            return "";
        }
        return " Not counted: " + tally.abstentions() + " abstentions, " + tally.disapprovalsWithoutReasons()
                + " disapprovals without reasons.";
    }
}
