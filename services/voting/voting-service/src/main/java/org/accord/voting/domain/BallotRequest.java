package org.accord.voting.domain;

import java.time.Instant;
import java.util.List;

/** What the proposals service asked for: a ballot on a version of a draft, with its electorate. */
public record BallotRequest(String ballotId, String proposalId, String committeeId, String ballotType, String ruleSet,
                            int version, List<String> participatingMembers, List<String> observingMembers,
                            boolean observersMayVote, boolean earlyCloseAllowed, Instant deadline) {
}
