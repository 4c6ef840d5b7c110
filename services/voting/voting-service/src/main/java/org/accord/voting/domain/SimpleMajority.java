package org.accord.voting.domain;

import java.util.List;

/** Approved iff approvals outnumber disapprovals among the votes cast; abstentions are excluded. */
public final class SimpleMajority implements RuleSet {

    public static final String NAME = "SIMPLE_MAJORITY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(Tally tally) {
        int approve = tally.approvals();
        int disapprove = tally.disapprovals();
        boolean majority = approve > disapprove;
        Condition check = new Condition("approvals > disapprovals (abstentions excluded)", majority,
                approve + disapprove == 0 ? "no approvals or disapprovals cast"
                        : approve + (majority ? " > " : " <= ") + disapprove);
        String explanation = majority
                ? "Approved: " + approve + " approve against " + disapprove + " disapproving (" + tally.abstentions()
                        + " abstentions excluded)."
                : approve + disapprove == 0
                        ? "Rejected: no approvals or disapprovals were cast (" + tally.abstentions() + " abstentions excluded)."
                        : "Rejected: " + approve + " approve against " + disapprove + " disapproving, which is no majority ("
                                + tally.abstentions() + " abstentions excluded).";
        return new Decision(majority ? Outcome.APPROVED : Outcome.REJECTED, List.of(check), explanation);
    }

    /**
     * Settled when the votes still to come all approving and all disapproving give the same
     * outcome: an approval only helps the majority, a disapproval only hurts it, an abstention
     * or no vote leaves it as it is.
     */
    @Override
    public boolean outcomeSettled(Tally tally, int participatingToVote, int observingToVote) {
        return RuleSet.ifAllVote(this, tally, participatingToVote, observingToVote, Position.APPROVE, false)
                == RuleSet.ifAllVote(this, tally, participatingToVote, observingToVote, Position.DISAPPROVE, false);
    }
}
