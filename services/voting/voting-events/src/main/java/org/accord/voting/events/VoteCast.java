package org.accord.voting.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * A member body cast or changed its vote: {@code position} APPROVE, APPROVE_WITH_COMMENTS,
 * DISAPPROVE (with technical reasons) or ABSTAIN; on a new-work-item ballot, whether it commits
 * to participate and the expert it nominates. {@code sequence} numbers the ballot's votes.
 */
public record VoteCast(String ballotId, String proposalId, String memberBody, String membership, String position,
                       @Absent String reasons, @Absent Boolean commitsToParticipate, @Absent String expert, int sequence, boolean changesEarlierVote,
                       String castBy, Instant castAt) {
}
