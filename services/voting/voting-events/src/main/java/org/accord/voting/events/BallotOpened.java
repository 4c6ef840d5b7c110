package org.accord.voting.events;

import java.time.Instant;
import java.util.List;

/** A ballot opened on a version of a draft, with its rule set and its fixed electorate. */
public record BallotOpened(String ballotId, String proposalId, String committeeId, String ballotType, String ruleSet,
                           int version, List<String> participatingMembers, List<String> observingMembers,
                           boolean observersMayVote, boolean earlyCloseAllowed, Instant deadline, Instant openedAt) {
}
