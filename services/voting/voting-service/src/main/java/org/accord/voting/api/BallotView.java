package org.accord.voting.api;

import java.time.Instant;
import java.util.List;

import org.accord.voting.domain.Ballot;
import org.accord.voting.domain.BallotResult;
import org.accord.voting.domain.Condition;
import org.accord.voting.domain.Membership;
import org.accord.voting.domain.Tally;

/**
 * A ballot as anyone may see it. While it is open: its terms, its electorate and how many votes
 * have been returned, but no positions. Once closed: also the outcome, the full tally, every
 * condition of the rule set with its numbers, the explanation and each member body's vote.
 * {@code version} and {@code versionSha256} name the one text the ballot is on.
 */
public record BallotView(String ballotId, String proposalId, String committeeId, String ballotType, String ruleSet,
                         int version, String versionSha256, String status, Instant openedAt, Instant deadline, boolean earlyCloseAllowed,
                         boolean observersMayVote, Electorate electorate, Returned returned,
                         String outcome, Tally tally, List<Condition> checks, String explanation,
                         String closedBecause, Instant closedAt, List<VoteView> votes) {

    /** Who may vote: the P-members, and the O-members where the ballot is open to them. */
    public record Electorate(List<String> participating, List<String> observing) {
    }

    /** How many of the electorate have voted so far. */
    public record Returned(int participating, int observing, int total, int eligible) {
    }

    static BallotView of(Ballot ballot) {
        List<String> observing = ballot.observersMayVote() ? ballot.observingMembers() : List.of();
        Returned returned = new Returned(ballot.returnedBy(Membership.P), ballot.returnedBy(Membership.O),
                ballot.votes().size(), ballot.participatingMembers().size() + observing.size());
        BallotResult result = ballot.closed() ? ballot.result() : null;
        return new BallotView(ballot.ballotId(), ballot.proposalId(), ballot.committeeId(), ballot.ballotType().name(),
                ballot.ruleSet(), ballot.version(), ballot.versionSha256(), ballot.status().name(), ballot.openedAt(), ballot.deadline(),
                ballot.earlyCloseAllowed(), ballot.observersMayVote(),
                new Electorate(ballot.participatingMembers(), observing), returned,
                result == null ? null : result.outcome().name(),
                result == null ? null : result.tally(),
                result == null ? null : result.checks(),
                result == null ? null : result.explanation(),
                result == null ? null : result.closedBecause().name(),
                result == null ? null : result.closedAt(),
                result == null ? null : ballot.votes().stream().map(VoteView::of).toList());
    }
}
