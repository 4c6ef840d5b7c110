package org.accord.voting.events;

import java.time.Instant;
import java.util.List;

import org.accord.events.Absent;

/**
 * A ballot opened on a version of a draft ({@code version}, and {@code versionSha256}, the SHA-256
 * of its text), with its rule set and its fixed electorate.
 */
public record BallotOpened(String ballotId, String proposalId, String committeeId, String ballotType, String ruleSet,
                           int version, List<String> participatingMembers, List<String> observingMembers,
                           boolean observersMayVote, boolean earlyCloseAllowed, Instant deadline, Instant openedAt,
                           @Absent String versionSha256) {
}
