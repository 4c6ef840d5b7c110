package org.accord.voting.domain;

import java.util.List;

/** What a rule set concluded from a tally: the outcome, every condition with its numbers, and why. */
public record Decision(Outcome outcome, List<Condition> checks, String explanation) {

    public Decision {
        checks = List.copyOf(checks);
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
