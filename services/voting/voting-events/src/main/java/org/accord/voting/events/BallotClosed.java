package org.accord.voting.events;

import java.time.Instant;
import java.util.List;

/**
 * A ballot closed: {@code outcome} APPROVED or REJECTED under {@code ruleSet}, the full tally,
 * each condition the rule set checked, and one sentence saying which rule decided.
 * {@code closedBecause} is DEADLINE or ALL_VOTED.
 */
public record BallotClosed(String ballotId, String proposalId, String ballotType, String ruleSet, int version,
                           String outcome, Tally tally, List<RuleCheck> checks, String explanation,
                           String closedBecause, Instant closedAt) {
}
