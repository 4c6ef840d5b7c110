package org.accord.voting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * IEEE SA sponsor ballots: approved iff returned ballots (approve, disapprove, abstain) are at
 * least 75% of the ballot group, AND approvals are at least 75% of approvals and disapprovals,
 * AND abstentions are less than 30% of the returned ballots. The ballot group is the whole
 * electorate; a disapproval without reasons counts as returned but neither way in the approval
 * ratio.
 */
public final class IeeeSa implements RuleSet {

    public static final String NAME = "IEEE_SA";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(Tally tally) {
        Proportion returned = new Proportion(tally.returned(), tally.electorate());
        Proportion approving = new Proportion(tally.approvals(), tally.approvals() + tally.disapprovals());
        Proportion abstaining = new Proportion(tally.abstentions(), tally.returned());

        boolean enoughReturned = !returned.empty() && returned.atLeast(3, 4);
        boolean enoughApprovals = !approving.empty() && approving.atLeast(3, 4);
        boolean fewAbstentions = !abstaining.empty() && abstaining.lessThan(3, 10);

        List<Condition> checks = List.of(
                new Condition("returned ballots >= 75% of the ballot group", enoughReturned,
                        returned.empty() ? "the ballot group is empty" : returned + (enoughReturned ? " >= 75%" : " < 75%")),
                new Condition("approvals >= 75% of approvals and disapprovals", enoughApprovals,
                        approving.empty() ? "no approvals or disapprovals returned"
                                : approving + (enoughApprovals ? " >= 75%" : " < 75%")),
                new Condition("abstentions < 30% of returned ballots", fewAbstentions,
                        abstaining.empty() ? "no ballots returned" : abstaining + (fewAbstentions ? " < 30%" : " >= 30%")));

        String explanation;
        if (enoughReturned && enoughApprovals && fewAbstentions) {
            explanation = "Approved: " + returned + " of the ballot group returned (at least 75%), " + approving
                    + " approve (at least 75%) and " + abstaining + " abstain (less than 30%).";
        } else {
            List<String> failed = new ArrayList<>();
            if (!enoughReturned) {
                failed.add("only " + returned + " of the ballot group returned (75% needed)");
            }
            if (!enoughApprovals) {
                failed.add(approving.empty() ? "no approvals or disapprovals were returned"
                        : "only " + approving + " approve (75% needed)");
            }
            if (!fewAbstentions) {
                failed.add(abstaining.empty() ? "no ballots were returned"
                        : abstaining + " of returned ballots abstain (less than 30% allowed)");
            }
            explanation = "Rejected: " + String.join("; ", failed) + ".";
        }
        return new Decision(enoughReturned && enoughApprovals && fewAbstentions ? Outcome.APPROVED : Outcome.REJECTED,
                checks, explanation);
    }

    /**
     * Settled when the whole rest of the ballot group approving, disapproving, abstaining and not
     * returning its ballot all give the same outcome. Approving is the best any member can do for
     * every condition. The conditions do not all move together otherwise (an abstention helps the
     * return rate but hurts the abstention share; a disapproval helps both of those but hurts the
     * approval ratio), but each condition on its own is at its worst when everyone left does the
     * same thing: not returning for the return rate, disapproving (or, with nothing counted yet,
     * not returning) for the approval ratio, abstaining (or, with nothing returned yet, not
     * returning) for the abstention share. So if none of those four completions changes the
     * outcome, no mixture can.
     */
    @Override
    public boolean outcomeSettled(Tally tally, int participatingToVote, int observingToVote) {
        Outcome best = RuleSet.ifAllVote(this, tally, participatingToVote, observingToVote, Position.APPROVE, false);
        return best == decide(tally).outcome()
                && best == RuleSet.ifAllVote(this, tally, participatingToVote, observingToVote, Position.DISAPPROVE, false)
                && best == RuleSet.ifAllVote(this, tally, participatingToVote, observingToVote, Position.ABSTAIN, false);
    }
}
