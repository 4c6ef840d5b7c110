package org.accord.voting.api;

import java.time.Instant;

import org.accord.voting.domain.Vote;

/** A vote as recorded, with its place in the ballot's history. */
public record VoteView(String memberBody, String membership, String position, String reasons, Boolean commitsToParticipate,
                       String expert, int sequence, boolean changesEarlierVote, String castBy, Instant castAt) {

    static VoteView of(Vote vote) {
        return new VoteView(vote.memberBody(), vote.membership().name(), vote.position().name(), vote.reasons(),
                vote.commitsToParticipate(), vote.expert(), vote.sequence(), vote.changesEarlierVote(), vote.castBy(),
                vote.castAt());
    }
}
