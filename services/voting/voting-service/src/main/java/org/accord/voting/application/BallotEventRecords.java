package org.accord.voting.application;

import java.util.List;

import org.accord.messaging.EventRecorder;
import org.accord.messaging.OutgoingEvent;
import org.accord.voting.domain.Ballot;
import org.accord.voting.domain.BallotFact;
import org.accord.voting.domain.BallotResult;
import org.accord.voting.domain.Condition;
import org.accord.voting.domain.Tally;
import org.accord.voting.domain.Vote;
import org.accord.voting.events.BallotClosed;
import org.accord.voting.events.BallotEvents;
import org.accord.voting.events.BallotOpened;
import org.accord.voting.events.RuleCheck;
import org.accord.voting.events.VoteCast;
import org.springframework.stereotype.Component;

/** Turns what happened to a ballot into the events of the voting contract, keyed by the proposal id. */
@Component
public class BallotEventRecords {

    private final EventRecorder recorder;

    public BallotEventRecords(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public List<OutgoingEvent> of(Ballot ballot, List<BallotFact> facts) {
        return facts.stream().map(fact -> of(ballot, fact)).toList();
    }

    private OutgoingEvent of(Ballot ballot, BallotFact fact) {
        String key = ballot.proposalId();
        if (fact instanceof BallotFact.VoteRecorded recorded) {
            return recorder.record(BallotEvents.VOTE_CAST, key, voteCast(ballot, recorded.vote()));
        }
        if (fact instanceof BallotFact.Closed closed) {
            return recorder.record(BallotEvents.CLOSED, key, ballotClosed(ballot, closed.result()));
        }
        return recorder.record(BallotEvents.OPENED, key, new BallotOpened(ballot.ballotId(), ballot.proposalId(),
                ballot.committeeId(), ballot.ballotType().name(), ballot.ruleSet(), ballot.version(),
                ballot.participatingMembers(), ballot.observingMembers(), ballot.observersMayVote(),
                ballot.earlyCloseAllowed(), ballot.deadline(), ballot.openedAt(), ballot.versionSha256()));
    }

    private static VoteCast voteCast(Ballot ballot, Vote vote) {
        return new VoteCast(ballot.ballotId(), ballot.proposalId(), vote.memberBody(), vote.membership().name(),
                vote.position().name(), vote.reasons(), vote.commitsToParticipate(), vote.expert(), vote.sequence(),
                vote.changesEarlierVote(), vote.castBy(), vote.castAt());
    }

    private static BallotClosed ballotClosed(Ballot ballot, BallotResult result) {
        return new BallotClosed(ballot.ballotId(), ballot.proposalId(), ballot.ballotType().name(), ballot.ruleSet(),
                ballot.version(), result.outcome().name(), tally(result.tally()),
                result.checks().stream().map(BallotEventRecords::check).toList(), result.explanation(),
                result.closedBecause().name(), result.closedAt(), ballot.versionSha256());
    }

    private static org.accord.voting.events.Tally tally(Tally t) {
        return new org.accord.voting.events.Tally(t.eligibleParticipating(), t.eligibleObserving(),
                t.participatingApprove(), t.participatingDisapprove(), t.participatingAbstain(),
                t.observingApprove(), t.observingDisapprove(), t.observingAbstain(),
                t.disapprovalsWithoutReasons(), t.notVoted(), t.commitmentsToParticipate());
    }

    private static RuleCheck check(Condition condition) {
        return new RuleCheck(condition.condition(), condition.met(), condition.numbers());
    }
}
