package org.accord.voting.events;

import java.time.Instant;
import java.util.List;

import org.accord.events.Absent;

/**
 * A ballot closed: {@code outcome} APPROVED or REJECTED under {@code ruleSet}, the full tally,
 * each condition the rule set checked, and one sentence saying which rule decided; or WITHDRAWN,
 * with no checks, when its project was withdrawn before it closed (no result: the tally shows
 * only the votes received until then). {@code closedBecause} is DEADLINE, ALL_VOTED (every
 * member whose vote counts voted), OUTCOME_SETTLED (no vote still to come could change the
 * outcome) or WITHDRAWN. {@code version} and {@code versionSha256} name the balloted text.
 */
public record BallotClosed(String ballotId, String proposalId, String ballotType, String ruleSet, int version,
                           String outcome, Tally tally, List<RuleCheck> checks, String explanation,
                           String closedBecause, Instant closedAt, @Absent String versionSha256) {
}
