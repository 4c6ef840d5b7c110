package org.accord.voting.domain;

import java.time.Instant;
import java.util.List;

/** The result of a closed ballot: the decision of its rule set on the final tally, and why and when it closed. */
public record BallotResult(Outcome outcome, Tally tally, List<Condition> checks, String explanation,
                           CloseReason closedBecause, Instant closedAt) {

    public BallotResult {
        checks = List.copyOf(checks);
    }
}
