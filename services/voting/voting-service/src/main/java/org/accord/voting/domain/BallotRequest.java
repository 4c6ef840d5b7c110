package org.accord.voting.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the proposals service asked for: a ballot on a version of a draft (its number and the
 * SHA-256 of its text), with its electorate.
 */
public record BallotRequest(String ballotId, String proposalId, String committeeId, String ballotType, String ruleSet,
                            int version, String versionSha256, List<String> participatingMembers,
                            List<String> observingMembers, boolean observersMayVote, boolean earlyCloseAllowed,
                            Instant deadline) {

    /** A request that does not carry the version's hash (as before the contract carried it). */
    public BallotRequest(String ballotId, String proposalId, String committeeId, String ballotType, String ruleSet,
                         int version, List<String> participatingMembers, List<String> observingMembers,
                         boolean observersMayVote, boolean earlyCloseAllowed, Instant deadline) {
        this(ballotId, proposalId, committeeId, ballotType, ruleSet, version, null, participatingMembers, observingMembers,
                observersMayVote, earlyCloseAllowed, deadline);
    }
}
