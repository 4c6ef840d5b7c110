package org.accord.proposals.domain;

import java.time.Instant;

/**
 * The ballot this proposal waits for; the voting service runs it under {@code ballotId}, on
 * version {@code version} whose text hashes to {@code versionSha256}.
 */
public record RequestedBallot(String ballotId, BallotType type, RuleSet ruleSet, int version, Instant deadline,
                              boolean earlyCloseAllowed, Instant requestedAt, String versionSha256) {
}
